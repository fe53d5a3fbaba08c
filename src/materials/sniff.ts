import { fileTypeFromBuffer } from 'file-type';

/** The type a file's bytes say it is (magic numbers), whatever its name or declared type. */
export async function sniffMime(bytes: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes))?.mime ?? null;
}
