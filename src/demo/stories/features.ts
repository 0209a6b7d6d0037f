import type { Story } from '../types.ts';
import { h2, list, p, quote } from './blocks.ts';

const FLAW_DEMO =
  'In a demonstration, the researchers showed that a comment containing the text <script>alert(1)</script> was displayed as a harmless string by most browsers, but that a second payload, "><img src=x onerror=alert(1)>, caused a pop-up window to appear in the affected versions.';

/** Its text contains markup-like strings that must stay text all the way to the reader's screen. */
export const browserFlaw: Story = {
  id: 'browser-flaw',
  section: 'technology',
  path: '/news/technology/browser-flaw-lets-pages-run-hidden-scripts',
  headline: 'Researchers find flaw that lets web pages run hidden scripts',
  summary: 'Users of the Lumen & Finch browser are urged to update.',
  byline: 'Nadia Strand, Technology Reporter',
  publishedMinutesAgo: 30,
  blocks: [
    p(
      'Security researchers at the University of Halden have found a flaw in the Lumen & Finch web browser that allows a malicious page to run scripts hidden inside ordinary-looking comments.',
    ),
    p(
      'The company behind the browser, which has about 30 million users, said it had released a fix and urged people to update to version 12.4 as soon as possible.',
    ),
    p(FLAW_DEMO),
    h2('How to check your version'),
    list(
      'Open the browser menu and choose "About Lumen & Finch"',
      'The version number should be 12.4 or later',
      'Restart the browser after updating',
    ),
    p(
      'The researchers said there was no evidence that the flaw had been exploited, but warned that similar bugs were "easy to miss and easy to abuse".',
    ),
    p('The flaw was reported to the company in August under a responsible disclosure agreement.'),
  ],
  edits: [
    {
      step: 4,
      kind: 'reworded',
      before: FLAW_DEMO,
      after:
        'In a demonstration, the researchers showed that a comment containing <script>alert(1)</script> was shown as plain text by most browsers, while a second payload, "><img src=x onerror=alert(1)>, opened a pop-up window in the affected versions.',
    },
  ],
};

const VESSEL_WEEKS =
  'The six-week expedition, led by marine biologist Dr Imogen Tull, used a remotely operated submersible to explore the ridge at depths of up to 4,000 metres.';
const VESSEL_LAST =
  'The expedition’s findings will be published in full next year, and the specimens will be kept at the Coldharbour natural history museum.';

export const vessel: Story = {
  id: 'deep-sea-species',
  section: 'science',
  path: '/news/science/research-ship-finds-new-deep-sea-species',
  headline: 'Research ship finds dozens of new deep-sea species off the Tidewater Ridge',
  summary: 'Scientists collected sea cucumbers, sponges and a possible new octopus.',
  byline: 'Farid Holloway, Science Correspondent',
  publishedMinutesAgo: 400,
  blocks: [
    p(
      'Scientists aboard the research vessel Coldharbour say they have found at least 37 animal species that are new to science on an underwater mountain range known as the Tidewater Ridge.',
    ),
    p(VESSEL_WEEKS),
    p(
      'Among the finds were glass sponges, several kinds of sea cucumber and what may be a previously unknown species of octopus, which was filmed guarding its eggs.',
    ),
    h2('Slow work ahead'),
    p(
      'Formally describing a new species can take years, and the team said it expected to confirm only a handful of the finds before the end of next year.',
    ),
    quote('“Every dive showed us something we could not immediately name,” Dr Tull said.'),
    p('The ridge lies outside any national waters, and conservation groups have called for it to be protected from deep-sea mining.'),
    p(VESSEL_LAST),
  ],
  edits: [
    { step: 6, kind: 'number', before: VESSEL_WEEKS, after: VESSEL_WEEKS.replace('six-week', 'five-week') },
    {
      step: 6,
      kind: 'added',
      anchor: VESSEL_LAST,
      after: 'Correction: An earlier version of this article said the expedition lasted six weeks. It lasted five weeks.',
    },
  ],
};

const CUP_FIRST =
  'Ashford Rovers won the County Cup for the first time in 31 years on Saturday, beating Pellham Town 3-1 in front of a crowd of 8,400 at the Riverside Ground.';
const CUP_GOAL =
  'Striker Dane Okonkwo scored twice in the first half, and substitute Luis Arbeloa added a third in stoppage time after Pellham had pulled a goal back.';
/** Published with a typo ("handeled"), fixed at step 4: the demo's minor edit. */
const CUP_PENALTY =
  'Pellham’s goal came from a penalty by captain Sam Threlfall on the hour, after Rovers defender Jonah Pike was judged to have handeled the ball.';
const CUP_MANAGER = 'Rovers manager Kath Wetherby said the win was "for everyone who stuck with the club in the bad years".';

export const cupFinal: Story = {
  id: 'county-cup-final',
  section: 'sport',
  path: '/sport/football/ashford-rovers-win-county-cup',
  headline: 'Ashford Rovers beat Pellham Town to win County Cup',
  summary: 'Dane Okonkwo scored twice as Rovers ended a 31-year wait.',
  byline: 'Gareth Nwosu',
  publishedMinutesAgo: 20,
  blocks: [
    p(CUP_FIRST),
    p(CUP_GOAL),
    p(CUP_PENALTY),
    p(CUP_MANAGER),
    p(
      'Pellham, who had won the cup in each of the past two seasons, finished the match with ten men after midfielder Corey Vance was sent off for a second booking.',
    ),
    p('Rovers will now represent the county in the regional Champions Trophy next season.'),
  ],
  edits: [
    {
      step: 1,
      kind: 'reworded',
      before: CUP_GOAL,
      after:
        'Striker Dane Okonkwo scored twice before half-time, and substitute Luis Arbeloa added a third in stoppage time after Pellham had pulled a goal back.',
    },
    { step: 2, kind: 'number', before: CUP_FIRST, after: CUP_FIRST.replace('8,400', '8,940') },
    {
      step: 3,
      kind: 'reworded',
      before: CUP_MANAGER,
      after: 'Rovers manager Kath Wetherby dedicated the win to "everyone who stuck with the club in the bad years".',
    },
    { step: 4, kind: 'typo', before: CUP_PENALTY, after: CUP_PENALTY.replace('handeled', 'handled') },
  ],
};

export const FEATURE_STORIES: Story[] = [browserFlaw, vessel, cupFinal];
