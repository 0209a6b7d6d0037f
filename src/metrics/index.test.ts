import { describe, expect, it } from 'vitest';
import { createMetrics } from './index.ts';
import { parsePrometheusText } from './parse.ts';

describe('metrics', () => {
  it('renders every Redline metric as valid Prometheus text', async () => {
    const metrics = createMetrics({ dueBacklog: async () => 7 });
    metrics.checkDone('new_version', 0.2);
    metrics.checkDone('error', 1.5, { stage: 'fetch', kind: 'timeout' });
    metrics.pollDone('ok');
    metrics.extractionDone(0.03);
    metrics.leaseTakeovers(2);
    const families = parsePrometheusText(await metrics.render());
    const value = (name: string, labels: Record<string, string> = {}) =>
      families.get(name)?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value('redline_checks_total', { status: 'new_version' })).toBe(1);
    expect(value('redline_fetch_errors_total', { target: 'article', stage: 'fetch', kind: 'timeout' })).toBe(1);
    expect(value('redline_versions_stored_total')).toBe(1);
    expect(value('redline_lease_takeovers_total')).toBe(2);
    expect(value('redline_due_backlog')).toBe(7);
    expect(families.get('redline_check_duration_seconds')?.type).toBe('histogram');
    expect(families.get('redline_check_duration_seconds')?.samples.find((s) => s.name.endsWith('_count'))?.value).toBe(2);
    expect(families.get('redline_deliveries_total')?.type).toBe('counter');
  });
});

describe('the strict exposition parser', () => {
  it.each([
    ['no trailing newline', '# TYPE a counter\na 1'],
    ['a sample without its family', 'a 1\n'],
    ['a bad value', '# TYPE a gauge\na one\n'],
    ['a bad label', '# TYPE a gauge\na{1x="y"} 1\n'],
    ['an unquoted label value', '# TYPE a gauge\na{x=y} 1\n'],
    ['a duplicate sample', '# TYPE a gauge\na{x="1"} 1\na{x="1"} 2\n'],
    ['split families', '# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x="2"} 1\n'],
    ['a non-cumulative histogram', '# TYPE h histogram\nh_bucket{le="1"} 3\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 2\n'],
    ['a histogram without +Inf', '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n'],
  ])('rejects %s', (_name, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });

  it('accepts escapes, special values and comments', () => {
    const f = parsePrometheusText('# a comment\n# HELP a Some help\n# TYPE a gauge\na{x="q\\"\\\\\\n"} +Inf\na{x="2"} NaN 1700000000\n');
    expect(f.get('a')?.samples[0].labels.x).toBe('q"\\\n');
    expect(f.get('a')?.help).toBe('Some help');
  });
});
