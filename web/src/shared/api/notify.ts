import type { MessageInstance } from 'antd/es/message/interface';

// antd's message API lives in React context (<App>); the API layer reaches it through this holder,
// registered once by <NotifierBridge/> inside the provider tree.
let current: MessageInstance | null = null;

export function registerNotifier(api: MessageInstance): void {
  current = api;
}

export function notifyError(text: string): void {
  if (current) void current.error(text);
  else console.error(text);
}

export function notifySuccess(text: string): void {
  if (current) void current.success(text);
}

/** Done, but not all of it (a batch where some items were refused). */
export function notifyWarning(text: string): void {
  if (current) void current.warning(text);
}
