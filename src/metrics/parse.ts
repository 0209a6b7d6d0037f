/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4), so tests can check that
 * /metrics is what a Prometheus server accepts: prom-client has no parser. Throws on any deviation.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string | null;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<Family['type'], string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Map<string, Family> {
  if (text.length && !text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  let current: Family | null = null;
  const closed = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const where = `line ${i + 1}: ${JSON.stringify(line)}`;
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
      if (!m) return; // a plain comment
      const [, keyword, name, rest = ''] = m;
      if (!NAME.test(name)) throw new Error(`${where}: bad metric name`);
      if (closed.has(name)) throw new Error(`${where}: family ${name} appears twice`);
      if (current && current.name !== name) closed.add(current.name);
      let family = families.get(name);
      if (!family) {
        family = { name, type: 'untyped', help: null, samples: [] };
        families.set(name, family);
      }
      if (keyword === 'TYPE') {
        if (!TYPES.has(rest)) throw new Error(`${where}: unknown type`);
        if (family.samples.length) throw new Error(`${where}: TYPE after samples`);
        family.type = rest as Family['type'];
      } else {
        if (family.help !== null) throw new Error(`${where}: second HELP`);
        family.help = rest;
      }
      current = family;
      return;
    }
    const sample = parseSample(line, where);
    const family = familyOf(sample.name, families);
    if (!family) throw new Error(`${where}: sample without a TYPE or HELP line for its family`);
    if (closed.has(family.name)) throw new Error(`${where}: samples of ${family.name} are not contiguous`);
    if (current && current.name !== family.name) closed.add(current.name);
    current = family;
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) throw new Error(`${where}: duplicate sample`);
    seen.add(key);
    family.samples.push(sample);
  });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

function familyOf(sampleName: string, families: Map<string, Family>): Family | undefined {
  for (const family of families.values()) {
    if (SUFFIXES[family.type].some((s) => family.name + s === sampleName)) return family;
  }
  return undefined;
}

function parseSample(line: string, where: string): Sample {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?[0-9]+)?$/.exec(line);
  if (!m) throw new Error(`${where}: not a sample line`);
  return { name: m[1], labels: m[2] ? parseLabels(m[3], where) : {}, value: parseValue(m[4], where) };
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const re = /([^=,\s]+)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new Error(`${where}: bad label set`);
    if (!LABEL.test(m[1]) || m[1].startsWith('__')) throw new Error(`${where}: bad label name ${m[1]}`);
    if (m[1] in labels) throw new Error(`${where}: label ${m[1]} twice`);
    labels[m[1]] = m[2].replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    pos = re.lastIndex;
  }
  return labels;
}

function parseValue(text: string, where: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(text)) throw new Error(`${where}: bad value`);
  return Number(text);
}

/** Buckets are cumulative, end at le="+Inf", and that bucket equals _count, per label set. */
function checkHistogram(f: Family): void {
  const groups = new Map<string, Sample[]>();
  for (const s of f.samples) {
    const { le: _le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const samples of groups.values()) {
    const buckets = samples.filter((s) => s.name === `${f.name}_bucket`);
    const count = samples.find((s) => s.name === `${f.name}_count`);
    if (!buckets.length || !count || !samples.some((s) => s.name === `${f.name}_sum`)) throw new Error(`${f.name}: incomplete histogram`);
    const les = buckets.map((b) => parseValue(b.labels.le ?? '', `${f.name} le`));
    for (let i = 1; i < buckets.length; i++) {
      if (!(les[i] > les[i - 1]) || buckets[i].value < buckets[i - 1].value) throw new Error(`${f.name}: buckets not cumulative`);
    }
    if (les.at(-1) !== Infinity || buckets.at(-1)!.value !== count.value) throw new Error(`${f.name}: +Inf bucket must equal _count`);
  }
}
