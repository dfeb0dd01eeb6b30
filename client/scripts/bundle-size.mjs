// Prints the initial JavaScript, gzipped, that the sign-in and tracking pages load (the entry chunk, the route's lazy
// chunk and everything they import statically), from the Vite manifest of `npm run build`. Exits 1 over the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetKb = Number(process.env.INITIAL_JS_BUDGET_KB ?? 250);
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

function closure(keys, seen = new Set()) {
    for (const key of keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        closure(manifest[key].imports ?? [], seen);
    }
    return seen;
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const pages = { 'sign-in': 'src/app/routes/sign-in.tsx', tracking: 'src/app/routes/track.tsx' };

let over = false;
for (const [name, route] of Object.entries(pages)) {
    const files = [...closure([entry, route])].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
    const total = files.reduce((sum, file) => sum + gzipKb(file), 0);
    over ||= total > budgetKb;
    console.log(`${name}: ${total.toFixed(1)} KB gzipped initial JS in ${files.length} files (budget ${budgetKb} KB)`);
}
process.exit(over ? 1 : 0);
