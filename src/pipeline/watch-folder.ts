// Watching a folder and every folder below it for names that come, go or change. Node's own
// recursive watch on Linux loses a file for good once an editor saves it by renaming a new
// copy over it (sed -i, vim, "safe write"): it follows the file, not the folder. A watch on
// each folder sees every name in it however the file was written, and a folder that appears
// is watched from then on.

import { existsSync, readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export function watchFolder(root: string, onChange: (file: string) => void): void {
  const watchers = new Map<string, FSWatcher>();
  const isFolder = (file: string) => existsSync(file) && statSync(file).isDirectory();

  function forget(folder: string): void {
    for (const [dir, watcher] of watchers) {
      if (dir === folder || dir.startsWith(`${folder}${path.sep}`)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
  }

  function add(folder: string): void {
    if (watchers.has(folder) || !isFolder(folder)) return;
    const watcher = watch(folder, (_event, name) => {
      if (!name) return;
      const file = path.join(folder, name.toString());
      if (isFolder(file)) add(file);
      else if (watchers.has(file)) forget(file);
      onChange(file);
    });
    // A folder deleted while watched ends its watch with an error on some systems.
    watcher.on("error", () => forget(folder));
    watchers.set(folder, watcher);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) add(path.join(folder, entry.name));
    }
  }

  add(root);
}
