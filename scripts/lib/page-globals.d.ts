// What the benchmark scripts keep on the page's window while they measure (set in the page by
// addInitScript or evaluate), for the TypeScript check (tsconfig.scripts.json).
interface Window {
  benchActions: any[];
  benchLongTasks: number[];
  benchWrites: any[];
}
