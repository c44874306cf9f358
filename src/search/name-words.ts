/**
 * Word lists that tell a name from the words around it. All lower-case, accents folded, as index
 * terms are. Small on purpose: what they miss, the corpus's own word counts weigh down.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((word) => word !== ''));

/** Titles and honorifics: they come before a name and are never the name ("President Charles Taylor"). */
export const TITLE_WORDS = words(`
  mr mrs ms miss dr sir dame lord lady mister madam
  president presidents vice prime minister ministers premier chancellor governor governors senator senators
  representative rep sen congressman congresswoman mayor deputy secretary general gen lt col colonel major
  sgt sergeant captain capt admiral commander chief ceo chairman chairwoman chair director judge justice
  ambassador envoy spokesman spokeswoman spokesperson king queen prince princess emperor empress sheikh
  emir pope cardinal archbishop bishop reverend rev father imam ayatollah rabbi leader leaders former
  acting interim incumbent late elect attorney
  opposition supreme state officials official head speaker member members mp mps mep candidate nominee
  presumptive democratic republican democrat republicans democrats conservative labour liberal
  `);

/** Words that open a sentence or a clause, never a name: left out at the start of a run ("The", "After", "Two"). */
export const OPENERS = words(`
  a an the in on at of for to from by with after before during over under as and or but if when while
  this that these those it its his her their our there here some many several most all both each
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
  dozens hundreds thousands millions
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow see also
  `);

/**
 * Capitalised words that name no one by themselves: openers, generic nouns of institutions and
 * company suffixes. Inside a longer name they stay ("Swiss National Bank", "World Health Organization").
 */
export const GENERIC_CAPITALISED = words(`
  ${[...OPENERS].join(' ')}
  first second third fourth fifth last next new old
  north south east west northern southern eastern western central upper lower greater
  police army navy military forces force government parliament congress senate assembly court courts
  council committee commission ministry department office agency party union university college
  school hospital airport airlines airways station company group bank fund national international
  federal republic kingdom state states city county province region district island islands
  people human rights news world global european american african asian
  islamic islamist islamists muslim muslims christian christians catholic catholics jewish jews sunni sunnis
  shia shiite shiites hindu hindus buddhist buddhists
  inc llc ltd corp co plc sa ag nv gmbh tv radio
  foreign defence defense interior finance health justice economy education energy environment trade labor
  breaking update report reports reported according officials source sources via
  `);

/** Compass words before a place: "Central Texas" is Texas. */
export const COMPASS = words(
  'north south east west northern southern eastern western central northeastern northwestern southeastern southwestern',
);

/** Joining words that may sit inside a name between two capitalised words ("Bank of America", "Osama bin Laden"). */
export const NAME_CONNECTORS = words('of the de da del der den di do dos das du la le van von bin ibn al el y');

/** Words after which a capitalised word is a place ("in Ankara", "near Quetta"). */
export const PLACE_PREPOSITIONS = words('in near outside across around throughout');

/** Words that, followed by "of", introduce a place ("the city of Derna", "the province of Manitoba"). */
export const PLACE_HEADS = words(
  'city town village capital port province region state district county island islands municipality suburb governorate oblast prefecture',
);

/**
 * Lower-case words of wire copy that say what happened in general, not which matter: verbs of
 * reporting and acting, quantities, generic people and things. A shared one is no evidence.
 */
export const GENERIC_WORDS = words(`
  announce announces announced announcing confirm confirms confirmed claim claims claimed report reports
  reported reporting say says said state states stated tell tells told warn warns warned deny denies denied
  agree agrees agreed accept accepts accepted reject rejects rejected approve approves approved call calls
  called ask asks asked decide decides decided begin begins began begun start starts started end ends ended
  continue continues continued remain remains remained leave leaves left take takes took taken give gives
  gave given make makes made hold holds held meet meets met visit visits visited open opens opened close
  closes closed launch launches launched release releases released return returns returned receive receives
  received send sends sent buy buys bought sell sells sold pay pays paid win wins won lose loses lost join
  joins joined become becomes became seek seeks sought plan plans planned expect expects expected allow
  allows allowed want wants wanted withdraw withdraws withdrew withdrawn move moves moved set sets bring
  brings brought keep keeps kept show shows showed shown find finds found believe believes believed
  reach reaches reached rise rises rose risen fall falls fell fallen increase increases increased
  die dies died kill kills killed killing injure injures injured injuring wound wounds wounded arrest arrests
  arrested charge charges charged attack attacks attacked strike strikes struck hit hits fire fires fired
  accuse accuses accused suspect suspects suspected commit commits committed convict convicts convicted
  follow follows followed following lead leads led according including include includes included amid
  despite against without within among between toward towards around across near outside inside
  people person persons members member officials official groups group men women children man woman
  country countries nation nations city cities town towns region area areas government governments
  leader leaders president minister ministers party parties forces force troops soldiers police
  business businesses company companies branch branches office offices world international national
  local foreign public private former current new old major minor large small big high low long short
  first second third last next final early late recent recently previous several many much more most
  less least other others another same such some any each every both few whole half total
  known unknown remaining resulting related reportedly allegedly critically seriously severely least
  underground nearby central northern southern eastern western north south east west
  year years month months week weeks day days today yesterday tomorrow time times hour hours
  number numbers percent million millions billion billions thousand thousands hundred hundreds dozens
  part parts place places way ways case cases issue issues matter result results effort efforts
  statement statements news media sources source report reports data information
  official officially general main key top chief senior deputy
  pass passes passed vote votes voted defeat defeats defeated beat beats title titles game games match
  matches final finals casualties damage injuries dead deaths death toll magnitude commands terrorist
  terrorists militants militant attack attacks attacked bombing bombings violence conflict war wars
  fighting clashes operation operations support supports supported help helps helped
  well also still even just only used uses using work works worked working file files filed larger
  largest level levels leading come comes came going goes went get gets got put puts
  award awards awarded prize prizes municipality municipalities neighborhood neighbourhood documents
  document papers responsibility responsible claiming bomber bombers suicide gunmen gunman explodes
  exploded explosion explosions raid raids longer threat threats threatens threatened
  `);
