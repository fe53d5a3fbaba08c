import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MaterialStorage, StoredFile } from '../ports.js';

/** Keeps each file in its material row (the default: one backup covers everything). */
export class DatabaseStorage implements MaterialStorage {
  readonly kind = 'database';
  async put(bytes: Uint8Array<ArrayBuffer>): Promise<StoredFile> {
    return { storage: 'database', storageKey: null, content: bytes };
  }
  async get(material: { content: Uint8Array | null }) {
    return material.content;
  }
}

/**
 * Keeps files in a directory (MATERIAL_DIR), named by their SHA-256: the same file uploaded twice
 * (an order withdrawn and filed again) is stored once, and nothing is ever overwritten or deleted
 * by the workflow. Writes go to a temporary name first, so a reader never sees half a file.
 */
export class DiskStorage implements MaterialStorage {
  readonly kind = 'disk';
  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('Bad material storage key');
    return path.join(this.dir, key);
  }

  async put(bytes: Uint8Array<ArrayBuffer>, sha256: string): Promise<StoredFile> {
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, file);
    return { storage: 'disk', storageKey: key, content: null };
  }

  async get(material: { storage: string; storageKey: string | null; content: Uint8Array | null }) {
    if (material.storage === 'database' || !material.storageKey) return material.content;
    try {
      return new Uint8Array(await readFile(this.pathOf(material.storageKey)));
    } catch {
      return null;
    }
  }
}

/** Reads a material from wherever it was stored, whatever the current setting (files move only forward). */
export async function readMaterial(storage: MaterialStorage, material: { storage: string; storageKey: string | null; content: Uint8Array | null }) {
  if (material.storage === 'database') return material.content;
  return storage.get(material);
}
