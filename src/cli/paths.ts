import { promises as fs, Stats } from "fs";
import * as path from "path";
import { UsageError } from "./io";

/**
 * Checks where a command may write before it reads or computes anything: never a file that is
 * one of the inputs (by identity, device and inode, so a symlink or hard link to the input is
 * caught, and by real path), never an existing file unless `--force`, never into a missing
 * folder. Problems are errors of the command line (exit 2), each one clear line.
 */
export async function checkOutput(
  out: string,
  inputs: readonly string[],
  force: boolean
): Promise<void> {
  const existing = await lstatOrUndefined(out);
  if (existing) {
    const target = await statOrUndefined(out);
    if (target?.isDirectory()) throw new UsageError(`--out ${out} är en mapp; ange en fil`);
    for (const input of inputs) {
      if (await sameFile(out, input))
        throw new UsageError(
          `--out ${out} är indatafilen ${input} (samma fil${existing.isSymbolicLink() ? " via en symbolisk länk" : target && target.nlink > 1 ? " via en hård länk" : ""}); indata skrivs aldrig över, välj ett annat namn`
        );
    }
    if (!force)
      throw new UsageError(
        `--out ${out} finns redan; välj ett annat namn, eller lägg till --force för att skriva över den`
      );
    return;
  }
  const folder = path.dirname(path.resolve(out));
  const dir = await statOrUndefined(folder);
  if (!dir) throw new UsageError(`mappen ${folder} för --out finns inte; skapa den först`);
  if (!dir.isDirectory()) throw new UsageError(`${folder} för --out är ingen mapp`);
}

/** Whether two paths name the same file: same device and inode, or the same real path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOrUndefined(a), statOrUndefined(b)]);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([realOrResolved(a), realOrResolved(b)]);
  return ra === rb;
}

async function realOrResolved(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(p);
  } catch {
    return undefined;
  }
}

async function lstatOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(p);
  } catch {
    return undefined;
  }
}
