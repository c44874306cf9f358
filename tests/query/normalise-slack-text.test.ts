import { describe, expect, it } from 'vitest';
import { normaliseSlackText } from '../../src/query/normalise-slack-text.ts';

describe('normaliseSlackText', () => {
  it.each([
    ['<@U0123ABC> kaesong 2013', 'kaesong 2013'],
    ['<@U0123ABC|kim> kaesong', 'kaesong'],
    ['<!channel> <!here> kaesong <!subteam^S123|@desk>', 'kaesong'],
    ['news in <#C123|general> today', 'news in general today'],
    ['news in <#C123> today', 'news in today'],
    ['see <https://x.com/story|the story> 2013', 'see the story 2013'],
    ['see <https://x.com/story> 2013', 'see 2013'],
    ['<mailto:desk@x.com|desk@x.com>', 'desk@x.com'],
    ['AT&amp;T &lt;Kaesong&gt;', 'AT&T <Kaesong>'],
    ['&amp;lt; stays literal', '&lt; stays literal'],
    ['<https://x.com?a=1&amp;b=2|Q&amp;A>', 'Q&A'],
    ['  kaesong \n\n talks  ', 'kaesong talks'],
    ['unclosed <@U1 kaesong', 'unclosed <@U1 kaesong'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseSlackText(input)).toBe(expected);
  });
});
