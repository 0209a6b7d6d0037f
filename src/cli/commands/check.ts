import { canonicalizeUrl } from '../../feeds/index.ts';
import { createLogger, type Logger } from '../../log/index.ts';
import { UsageError } from '../../model/index.ts';
import { checkArticle, MANUAL_SOURCE, syncSources } from '../../tracker/index.ts';
import { formatOutcome } from '../report.ts';
import { configFrom, parseCommand, withTracker } from '../common.ts';

const HELP = `usage: redline check URL [--json] [--track] [--data DIR]
  Fetches URL now, extracts it, stores a version if the text changed, and prints the outcome.
  A URL not yet tracked is added to the built-in "manual" source and re-checked on schedule,
  unless its first check fails (unreachable, 404, not an article): then it is not kept, unless --track.`;

export default async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, track: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('check needs exactly one URL');
  const url = toUrl(positionals[0]);
  const config = configFrom(values);
  // The outcome is printed below; the log line for the same check would only repeat it.
  const log = createLogger();
  const quiet: Logger = {
    ...log,
    info: (event, fields) => event !== 'check' && log.info(event, fields),
    error: (event, fields) => event !== 'check' && log.error(event, fields),
  };
  return withTracker(config, quiet, async (deps) => {
    const now = deps.now();
    await syncSources(deps.store, [], now);
    const manual = (await deps.store.getSource(MANUAL_SOURCE.key))!;
    const known = await deps.store.getArticleByUrl(url);
    const article =
      known ??
      (
        await deps.store.upsertArticle({
          sourceId: manual.id,
          url,
          host: new URL(url).host,
          feedTitle: null,
          feedPublishedAt: null,
          now,
          checkPeriodSec: config.schedule.minPeriodSec,
        })
      ).article;
    const outcome = await checkArticle(deps, article);
    // A URL that never gave a readable article would otherwise be re-checked, and fail, for 40 days.
    const failed = outcome.status === 'error' || outcome.status === 'removed';
    const dropped = failed && !known && !values.track && (await deps.store.removeArticle(article.id));
    const result = values.json
      ? JSON.stringify({ ...outcome, kept: !dropped })
      : formatOutcome(outcome, now) + (dropped ? `\n  not kept: the URL is not tracked (add --track to keep checking it on schedule)` : '');
    process.stdout.write(result + '\n');
    return failed ? 1 : 0;
  });
}

function toUrl(text: string): string {
  let url: string;
  try {
    url = canonicalizeUrl(text);
  } catch (err) {
    throw new UsageError(`not a URL: ${text}`, { cause: err });
  }
  if (!/^https?:\/\//.test(url)) throw new UsageError(`only http(s) URLs can be checked: ${text}`);
  return url;
}
