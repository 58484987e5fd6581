// Writing a file so that it is either the old one or the new one, never half of either: the
// text goes to a temporary file in the same folder (the same file system, so a rename can
// move it) and is renamed over the target. An interrupted run leaves at most a stray
// temporary file, never a truncated target.

import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";

export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(text);
      // On disk before the rename makes it the file: a crash must not leave an empty target.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
