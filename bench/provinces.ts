/**
 * Province rules bench: website names checked per second on a realistic mix — twelve provinces (with
 * and without their own word lists, Jiangsu's pattern), individuals and organisations, valid and invalid
 * names. `npm run bench` builds this file (bench/build.mjs → dist/bench/provinces.js, the same esbuild
 * output as the server's, no tsx helpers) and runs it in a process of its own, in rounds
 * (`node dist/bench/provinces.js --json --rounds 5 --seconds 1`); `npx tsx bench/provinces.ts` runs the
 * sources, which is slower (tsx keeps function names with wrappers).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { SubjectNature } from '../src/domain/vocabulary.js';
import { checkWebsiteName, type CheckWebsiteNameInput } from '../provinces/index.js';

export interface ProvinceBenchResult {
  /** Names checked per second once every matcher is built. */
  namesPerSecond: number;
  /**
   * Names checked per second of this process's CPU time (user + system): steadier than wall time on a
   * machine shared with other work.
   */
  namesPerCpuSecond: number;
  namesChecked: number;
  seconds: number;
  /** Time to check the mix once from cold, building the matchers (ms). */
  coldMs: number;
  /** Distinct inputs in the mix, and the share of them with at least one violation. */
  mixSize: number;
  invalidShare: number;
}

const PROVINCES = [
  'guangdong', 'zhejiang', 'beijing', 'jiangsu', 'shanghai', 'henan',
  'hubei', 'ningxia', 'sichuan', 'shandong', 'guizhou', 'jilin',
];

const PEOPLE: { subjectName: string; names: string[] }[] = [
  { subjectName: '王小明', names: ['王小明的读书笔记', '王小明的个人博客', '小明的购物分享', '王小明的摄影网站'] },
  { subjectName: '李娜', names: ['李娜的旅行日记', '李娜的个人主页', '李娜的技术论坛', '李娜'] },
  { subjectName: '欧阳娜娜', names: ['娜娜的烘焙手记', '欧阳娜娜的股票心得', 'nana blog', '娜娜的学习笔记！'] },
];

const ORGANISATIONS: { subjectName: string; nature: SubjectNature; names: string[] }[] = [
  { subjectName: '杭州星辰网络科技有限公司', nature: 'ENTERPRISE', names: ['星辰科技官网', '中国星辰网', '星辰在线商城', 'xingchen'] },
  { subjectName: '广州蓝海贸易有限公司', nature: 'ENTERPRISE', names: ['蓝海贸易官网', '蓝海赌博娱乐', '海洋之心'] },
  { subjectName: '吉林大学', nature: 'PUBLIC_INSTITUTION', names: ['吉林大学门户', '国家大学科技园'] },
];

/** The bench's inputs: every province with every person's and organisation's names. */
export function benchMix(): CheckWebsiteNameInput[] {
  const at = new Date('2024-06-03T10:00:00+08:00');
  return PROVINCES.flatMap((province) => [
    ...PEOPLE.flatMap(({ subjectName, names }) =>
      names.map((name) => ({
        province,
        nature: 'INDIVIDUAL' as const,
        name,
        subjectName,
        domains: ['example.cn'],
        remark: '分享生活和学习心得',
        at,
      })),
    ),
    ...ORGANISATIONS.flatMap(({ subjectName, nature, names }) =>
      names.map((name) => ({ province, nature, name, subjectName, domains: ['xingchen.com'], at })),
    ),
  ]);
}

export async function runProvinceBench(options: { seconds?: number } = {}): Promise<ProvinceBenchResult> {
  const mix = benchMix();
  const coldStart = performance.now();
  const invalid = mix.filter((input) => checkWebsiteName(input).length > 0).length;
  const coldMs = performance.now() - coldStart;

  const budgetMs = (options.seconds ?? 2) * 1000;
  let namesChecked = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (const input of mix) checkWebsiteName(input);
    namesChecked += mix.length;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    namesPerSecond: Math.round(namesChecked / (elapsed / 1000)),
    namesPerCpuSecond: Math.round(namesChecked / ((cpu.user + cpu.system) / 1e6)),
    namesChecked,
    seconds: Number((elapsed / 1000).toFixed(2)),
    coldMs: Number(coldMs.toFixed(1)),
    mixSize: mix.length,
    invalidShare: Number((invalid / mix.length).toFixed(2)),
  };
}

/** Several timed rounds after one cold pass, each measured on its own: the spread shows the machine's noise. */
export async function runProvinceRounds(rounds: number, seconds: number): Promise<ProvinceBenchResult[]> {
  const results: ProvinceBenchResult[] = [];
  for (let i = 0; i < rounds; i++) results.push(await runProvinceBench({ seconds }));
  return results;
}

const argValue = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : Number(process.argv[at + 1]);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--json')) {
  console.log(JSON.stringify(await runProvinceRounds(argValue('--rounds') ?? 5, argValue('--seconds') ?? 1)));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runProvinceBench();
  console.log(
    `checkWebsiteName: ${result.namesPerSecond.toLocaleString('en')} names/s, ` +
      `${result.namesPerCpuSecond.toLocaleString('en')} names per CPU-second ` +
      `(${result.namesChecked.toLocaleString('en')} names in ${result.seconds} s; mix of ${result.mixSize}, ` +
      `${Math.round(result.invalidShare * 100)}% with violations; cold first pass ${result.coldMs} ms)`,
  );
}
