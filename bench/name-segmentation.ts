/**
 * What word segmentation would cost the website-name check: `@node-rs/jieba`'s `tag()` (segmentation with
 * part-of-speech tags — `ns` places, `nr` person names, `nt` organisations, `i` idioms) on the names of
 * the province bench's mix, against the whole `checkWebsiteName` on the same mix and against the look-ups
 * the check does instead (engine/dictionaries.ts). Figures are names per CPU-second of this process, so a
 * busy machine distorts them less than wall time. Run: `npx tsx bench/name-segmentation.ts`.
 */
import { performance } from 'node:perf_hooks';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { checkWebsiteName } from '../provinces/index.js';
import { dictionaryHits, warmDictionaries } from '../provinces/engine/dictionaries.js';
import { benchMix } from './provinces.js';

function perCpuSecond(run: () => void, perRun: number, budgetMs = 1500): number {
  let done = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - start < budgetMs) {
    run();
    done += perRun;
  }
  const used = process.cpuUsage(cpu);
  return Math.round(done / ((used.user + used.system) / 1e6));
}

const mix = benchMix();
const names = mix.map((input) => input.name);

let started = performance.now();
const jieba = Jieba.withDict(dict);
const jiebaLoadMs = performance.now() - started;
started = performance.now();
warmDictionaries();
const dictionariesLoadMs = performance.now() - started;
for (const input of mix) checkWebsiteName(input);

const check = perCpuSecond(() => {
  for (const input of mix) checkWebsiteName(input);
}, mix.length);
const lookups = perCpuSecond(() => {
  for (const name of names) {
    dictionaryHits('place-names', name);
    dictionaryHits('idioms', name);
  }
}, names.length);
const tag = perCpuSecond(() => {
  for (const name of names) jieba.tag(name);
}, names.length);

console.log(`names in the mix: ${mix.length}`);
console.log(`checkWebsiteName (whole check, place names and idioms included): ${check.toLocaleString('en')} names per CPU-second`);
console.log(`place-name + idiom look-ups alone (engine/dictionaries.ts): ${lookups.toLocaleString('en')} names per CPU-second`);
console.log(`jieba.tag() alone: ${tag.toLocaleString('en')} names per CPU-second`);
console.log(`load: jieba dictionary ${Math.round(jiebaLoadMs)} ms; place-name and idiom lists ${Math.round(dictionariesLoadMs)} ms`);
console.log(`jieba tags of a few names: ${['王芳的杭州游记', '王芳的画蛇添足', '王小明的采购笔记', '王芳的朝阳日记'].map((n) => `${n} → ${jieba.tag(n).map((t) => `${t.word}/${t.tag}`).join(' ')}`).join('; ')}`);
