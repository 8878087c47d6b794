import { remainingUntil } from '../../core/campaign/campaign.window.ts';

// The special page's countdown, ticking each second. It works from the deadline as an instant,
// so a device set to any time zone shows the same figures as one in Beijing.

function renderCountdown(element: HTMLElement): boolean {
  const deadline = new Date(Number(element.dataset.deadline));
  const units = (element.dataset.units ?? '').split('|');
  const left = remainingUntil(deadline, new Date());
  const values = [left.days, left.hours, left.minutes, left.seconds];
  if (values.every((v) => v === 0)) {
    element.textContent = element.dataset.closed ?? '';
    return false;
  }
  const label = element.querySelector('.label');
  element.replaceChildren(...(label ? [label] : []));
  values.forEach((value, i) => {
    const number = document.createElement('b');
    number.textContent = String(value);
    const unit = document.createElement('span');
    unit.textContent = units[i] ?? '';
    element.append(number, unit);
  });
  return true;
}

export function startCountdowns(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('.countdown[data-deadline]').forEach((element) => {
    if (!renderCountdown(element)) return;
    const timer = setInterval(() => {
      if (!renderCountdown(element)) clearInterval(timer);
    }, 1000);
  });
}

startCountdowns();
