// The demo's sign-in accounts (npm run demo only).
import type { demoZhCN } from './demo.zh-CN.ts';

export const demoEn: Record<keyof typeof demoZhCN, string> = {
  'wb.demo.title': 'Demo accounts',
  'wb.demo.hint': 'This is demo data. Click an account to fill in the sign-in form.',
  'wb.demo.password': 'Every demo account\'s password:',
  'wb.demo.role.organizer': 'Organizer',
  'wb.demo.role.unit': 'Unit operator',
  'wb.demo.role.superior': 'Superior organization',
  'wb.demo.role.reviewer': 'Reviewer',
  'wb.demo.role.learner': 'Learner',
};
