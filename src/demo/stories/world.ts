import type { Story } from '../types.ts';
import { h2, p, quote } from './blocks.ts';

const WINE_PRICES =
  'Co-operative cellars say prices for the 2026 vintage are likely to rise, and some restaurants in Bressac have already begun to ration the local rosé.';
/** The one sentence of the demo that mentions Rwanda (a subscription to the word hears of it, and of nothing else). */
const WINE_PICKERS =
  'Among the seasonal workers left without a harvest are a dozen pickers from Rwanda, who have come to the valley every autumn since 2019.';
const WINE_AID =
  'The regional council has promised €1.2 million in emergency aid, but growers’ representatives say that will cover barely a tenth of their losses.';

/** Served in windows-1252 (with a matching Content-Type charset and meta tag). */
export const wine: Story = {
  id: 'bressac-harvest',
  section: 'world',
  path: '/news/world/frost-cuts-bressac-wine-harvest',
  headline: 'Frost cuts Bressac wine harvest by a third — growers seek aid',
  summary: 'A late frost in April destroyed buds across the Côtes de Bressac.',
  byline: 'Léa Dufresne in Saint-Amé',
  publishedMinutesAgo: 260,
  charset: 'windows-1252',
  blocks: [
    p(
      'Wine growers in the Côtes de Bressac expect this year’s harvest to be about a third smaller than usual, after a late frost in April destroyed buds across the valley.',
    ),
    p(
      '“I have never seen the vines so bare in September,” said Hélène Marchand, whose family has farmed 14 hectares near Saint-Amé since 1921.',
    ),
    p(WINE_AID),
    h2('A fragile season'),
    p(
      'Temperatures fell to −4C on the night of 19 April, a week after the vines had begun to bud. Some growers lit candles and straw fires between the rows to protect their plants.',
    ),
    quote(
      '“The frost took in one night what usually takes a whole bad season,” said Jürgen Müller, a German-born winemaker who moved to the region in 2009.',
    ),
    p(WINE_PRICES),
    p('Growers will meet agriculture officials in Vérac next week to discuss insurance schemes.'),
  ],
  edits: [
    { step: 2, kind: 'number', before: WINE_AID, after: WINE_AID.replace('€1.2 million', '€1.8 million') },
    { step: 8, kind: 'added', anchor: WINE_PRICES, after: WINE_PICKERS },
  ],
};

const TUNNEL_HEADLINE = 'Grünwald rail tunnel opening delayed until spring';
const TUNNEL_COST = 'The project’s budget has risen from 1.9 billion to 2.4 billion francs since construction began in 2019.';

export const tunnel: Story = {
  id: 'grunwald-tunnel',
  section: 'world',
  path: '/news/world/grunwald-rail-tunnel-delayed',
  headline: TUNNEL_HEADLINE,
  summary: 'Water seeping into the eastern bore has pushed back the opening of the 18km tunnel.',
  byline: 'Zoë Achterberg',
  publishedMinutesAgo: 75,
  blocks: [
    p(
      'The opening of the 18-kilometre Grünwald rail tunnel has been delayed until the spring after engineers found water seeping into one of its two bores, the operator said on Thursday.',
    ),
    p(
      'The tunnel, which will cut the journey between Altbrück and Sankt Veiden from 95 minutes to 40, had been due to open to passenger trains in December.',
    ),
    p(
      'Alpenbahn said the leak, discovered during safety tests last month, posed no danger to workers but had to be sealed before trains could run at full speed.',
    ),
    p(TUNNEL_COST),
    quote(
      '“We would rather open a few months late than open a tunnel we are not completely sure of,” said Alpenbahn’s chief engineer, Matthias Künzli.',
    ),
    p('Freight trains will continue to use the old mountain line, which is steeper and limits the weight of the loads they can carry.'),
    p('Regional officials said the delay was disappointing but that safety had to come first.'),
  ],
  edits: [
    { step: 5, kind: 'headline', before: TUNNEL_HEADLINE, after: 'Grünwald rail tunnel will not open until spring, operator says' },
    { step: 7, kind: 'removed', before: TUNNEL_COST },
  ],
};

export const WORLD_STORIES: Story[] = [wine, tunnel];
