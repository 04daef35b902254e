/** HH:MM of an instant on the analyst's clock (the browser's zone), as the autosave and change banners show it. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
