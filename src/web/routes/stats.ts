import { Hono } from 'hono';
import { NotFoundError, UsageError } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import { loadSource } from '../params.ts';
import { sendPage } from '../respond.ts';
import { aboutPage } from '../views/about.ts';
import { mostEditedPage, PERIODS, sourceStatsPage, statsPage, type Period, type SourceStats } from '../views/stats.ts';

const TOP = 30;

/** Statistics, "most edited" and About. The statistics scan every version, so they come from ctx's short-lived cache. */
export function statsRoutes(ctx: WebContext): Hono {
  const app = new Hono();

  async function sourceRows(): Promise<{ rows: SourceStats[]; at: number }> {
    const [{ stats, at }, sources] = await Promise.all([ctx.statistics(), ctx.sourceChoices()]);
    const byId = new Map(stats.map((s) => [s.sourceId, s]));
    return { rows: sources.flatMap((source) => (byId.has(source.id) ? [{ source, stats: byId.get(source.id)! }] : [])), at };
  }

  app.get('/stats', async (c) => {
    const now = ctx.now();
    const [{ rows, at }, week] = await Promise.all([sourceRows(), ctx.mostEdited(now - PERIODS.week.ms, TOP)]);
    return sendPage(
      c,
      {
        title: 'Statistics',
        description: 'How often, how soon and how much each source edits its articles, and the most edited articles.',
        section: 'stats',
      },
      statsPage(rows, week, now, at),
    );
  });

  app.get('/stats/most-edited', async (c) => {
    const value = c.req.query('period') ?? 'day';
    if (!(value in PERIODS)) throw new UsageError(`period must be day, week or month, got ${JSON.stringify(value)}`);
    const period = value as Period;
    const now = ctx.now();
    return sendPage(
      c,
      {
        title: `Most edited: ${PERIODS[period].label}`,
        description: `The articles edited most often in the ${PERIODS[period].label}.`,
        section: 'stats',
      },
      mostEditedPage(period, await ctx.mostEdited(now - PERIODS[period].ms, TOP), now),
    );
  });

  app.get('/stats/sources/:key', async (c) => {
    const source = await loadSource(ctx.store, c.req.param('key'));
    const now = ctx.now();
    const [{ rows }, month] = await Promise.all([sourceRows(), ctx.mostEdited(now - PERIODS.month.ms, 500)]);
    const row = rows.find((r) => r.source.id === source.id);
    if (!row) throw new NotFoundError(`no statistics for source ${source.key} yet`);
    const top = month.filter((m) => m.article.sourceId === source.id).slice(0, 10);
    return sendPage(
      c,
      {
        title: `Statistics: ${source.name}`,
        description: `How often, how soon and how much ${source.name} edits its articles.`,
        section: 'stats',
      },
      sourceStatsPage(row, top, now),
    );
  });

  app.get('/about', (c) =>
    sendPage(
      c,
      { title: 'About', description: 'What Redline counts as a version of an article, and what it ignores.', section: 'about' },
      aboutPage(),
    ),
  );
  return app;
}
