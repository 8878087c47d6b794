/** When the template database's campaigns were loaded. */
export const TEMPLATE_TIME = new Date('2024-01-10T00:00:00.000Z');

/** Inside the seventh collection's window: 2024-05-01 10:00 Beijing time. */
export const DURING_WINDOW = new Date('2024-05-01T02:00:00.000Z');
export const BEFORE_WINDOW = new Date('2024-01-14T15:59:59.000Z');
export const AFTER_WINDOW = new Date('2024-07-01T00:00:00.000Z');

export const SEVENTH = 'seventh-collection';
