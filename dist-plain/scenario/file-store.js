// File access for one load: resolves names against the chosen copy and then the base
// folder, caches what was read, and remembers every file the scenario references so the
// content hash covers exactly them.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
export class FileStore {
    dirs;
    cache = new Map();
    referenced = new Set();
    /** @param dirs folders to look in, in order (a translation first, then the base). */
    constructor(dirs) {
        this.dirs = dirs;
    }
    isFile(path) {
        try {
            return statSync(path).isFile();
        }
        catch {
            return false;
        }
    }
    /** The first existing file named `rel` in the folders, or undefined. */
    resolve(rel, dirs = this.dirs) {
        if (isAbsolute(rel))
            return this.isFile(rel) ? rel : undefined;
        for (const dir of dirs) {
            const p = resolve(dir, rel);
            if (this.isFile(p))
                return p;
        }
        return undefined;
    }
    read(path) {
        if (!this.cache.has(path)) {
            try {
                this.cache.set(path, readFileSync(path));
            }
            catch {
                this.cache.set(path, null);
            }
        }
        const buf = this.cache.get(path);
        if (buf)
            this.referenced.add(path);
        return buf ?? undefined;
    }
    readText(path) {
        return this.read(path)?.toString('utf8');
    }
    /** Count a file in the content hash without keeping its text. */
    reference(path) {
        this.read(path);
    }
    /** sha256 over every referenced file, by path relative to `root`, in a stable order. */
    contentHash(root) {
        const hash = createHash('sha256');
        const entries = [...this.referenced].map((p) => [relative(root, p).split('\\').join('/'), p]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [rel, p] of entries) {
            hash.update(rel).update('\0').update(this.cache.get(p) ?? Buffer.alloc(0)).update('\0');
        }
        return hash.digest('hex');
    }
    /** Absolute paths of every file the scenario references, sorted. */
    files() {
        return [...this.referenced].sort();
    }
}
//# sourceMappingURL=file-store.js.map