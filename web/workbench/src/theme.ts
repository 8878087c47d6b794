import type { ThemeConfig } from 'antd';
import './theme.css';

// The workbench's look in one place, held to WCAG 2.2 AA: text at 4.5:1 or more on white and on
// the page's #f5f5f5 (antd's greys give 3.4:1, its placeholders 1.8:1, its danger red 3.3:1),
// links in running text underlined (the red is only 2.5:1 against black text), and coloured tags
// one shade darker so their words stay readable on their pale backgrounds. e2e/axe.test.ts checks
// every page against it; theme.css holds what tokens cannot say.
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b3261e',
    colorLink: '#b3261e',
    borderRadius: 6,
    colorTextSecondary: '#595959',
    colorTextTertiary: '#666666',
    colorTextDescription: '#666666',
    colorTextPlaceholder: '#707070',
    linkDecoration: 'underline',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorInfo: '#0958d9',
    colorWarning: '#ad4e00',
    // Seeds: a tag's text is the shade after the seed, dark enough on its tint and on a tinted card.
    green: '#237804',
    orange: '#d46b08',
    gold: '#ad6800',
  },
  components: {
    // A table's "nothing here" line is information, not a disabled control.
    Table: { colorTextDisabled: '#666666' },
  },
};
