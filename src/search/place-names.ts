/**
 * Countries, their adjectives, US states and world regions, as index terms joined by spaces. A place
 * is where something happened, not what it is about: it relates two events only with more evidence.
 * Cities are recognised from the text itself ("in Quetta"), see entities.ts.
 */
const COUNTRIES = `
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia herzegovina botswana brazil brunei bulgaria
burundi cambodia cameroon canada chad chile china colombia comoros congo
croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala
guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands
nicaragua niger nigeria macedonia norway oman pakistan palau palestine
panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
senegal serbia seychelles singapore slovakia slovenia somalia
spain sudan suriname sweden switzerland syria taiwan tajikistan
tanzania thailand timor togo tonga trinidad tobago tunisia turkey turkmenistan tuvalu uganda ukraine
uae uk britain england scotland wales us usa
america uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe gaza
crimea tibet kashmir chechnya kurdistan greenland
`;

const ADJECTIVES = `
afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani bahraini
bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese burundian cambodian
cameroonian canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch
ecuadorian egyptian emirati english eritrean estonian ethiopian filipino finnish french georgian german
ghanaian greek guatemalan guinean haitian honduran hungarian icelandic indian indonesian iranian iraqi irish
israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar
kuwaiti kyrgyz lao lebanese liberian libyan lithuanian luxembourgish malagasy malawian malaysian maldivian
malian maltese mauritanian mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese
dutch nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian polish
portuguese qatari romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian
somali spanish sudanese swedish swiss syrian taiwanese tajik
tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni
zambian zimbabwean kurdish kurd kurds arab arabs western european asian african latin caribbean
`;

const US_STATES = `
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada ohio
oklahoma oregon pennsylvania tennessee texas utah vermont virginia
washington wisconsin wyoming
`;

/** Provinces and states often named alone, and cities often in the news. */
const PROVINCES_AND_CITIES = `
crimea kashmir chechnya kurdistan darfur donbas
alberta manitoba ontario quebec saskatchewan nunavut yukon newfoundland labrador queensland tasmania victoria
kabul kandahar baghdad basra mosul falluja fallujah tikrit kirkuk damascus aleppo homs idlib raqqa beirut
amman jerusalem gaza ramallah cairo alexandria tripoli benghazi tunis algiers rabat tehran riyadh
jeddah doha dubai sanaa aden ankara istanbul moscow kyiv kiev kharkiv odesa donetsk luhansk minsk warsaw
berlin paris london madrid rome athens vienna brussels amsterdam geneva zurich stockholm oslo copenhagen
helsinki dublin lisbon prague budapest bucharest sofia belgrade zagreb sarajevo tbilisi yerevan baku
beijing shanghai taipei tokyo osaka seoul pyongyang manila jakarta bangkok hanoi 
singapore yangon dhaka karachi lahore islamabad peshawar quetta delhi mumbai kolkata chennai kathmandu
colombo nairobi mogadishu khartoum lagos abuja kinshasa johannesburg harare kampala dakar
ottawa toronto montreal vancouver sydney melbourne washington york chicago houston miami
caracas bogota lima santiago  brasilia havana
`;

const REGIONS = `
assam bihar chhattisgarh goa gujarat haryana jharkhand karnataka kerala maharashtra
manipur meghalaya mizoram nagaland odisha punjab rajasthan sikkim telangana tripura uttarakhand
ladakh sindh balochistan anhui fujian gansu guangdong guangxi guizhou hainan
hebei heilongjiang henan hubei hunan jiangsu jiangxi jilin liaoning qinghai shaanxi shandong shanxi sichuan
yunnan zhejiang xinjiang tibet ningxia
europe asia africa caribbean
oceania pacific atlantic arctic antarctica mediterranean balkans caucasus sahel scandinavia
`;

const MULTI_WORD = `
andhra pradesh
himachal pradesh
madhya pradesh
uttar pradesh
tamil nadu
west bengal
jammu kashmir
khyber pakhtunkhwa
inner mongolia
tel aviv
kuala lumpur
addis ababa
los angeles
mexico city
buenos aires
sao paulo
rio de janeiro
new delhi
u
u k
bosnia herzegovina
burkina faso
cape verde
costa rica
czech republic
dominican republic
el salvador
guinea bissau
ivory coast
new zealand
north korea
north macedonia
papua new guinea
san marino
saudi arabia
sierra leone
solomon islands
south africa
south korea
south sudan
sri lanka
trinidad tobago
united arab emirates
united kingdom
great britain
united states
hong kong
gaza strip
west bank
puerto rico
north korean
south korean
south african
south sudanese
sri lankan
new hampshire
new jersey
new mexico
new york
north carolina
north dakota
rhode island
south carolina
south dakota
west virginia
middle east
latin america
south america
north america
central america
east timor
east africa
west africa
southeast asia
south asia
central asia
east asia
`;

const wordsOf = (text: string) => text.split(/\s+/).filter((word) => word !== '');
const COUNTRY_OR_REGION = new Set([
  ...wordsOf(`${COUNTRIES} ${ADJECTIVES} ${US_STATES} ${REGIONS}`),
  ...MULTI_WORD.split('\n').filter((line) => line !== ''),
]);
const PHRASES = new Set([...COUNTRY_OR_REGION, ...wordsOf(PROVINCES_AND_CITIES)]);

/**
 * Whether a name (index terms joined by spaces) is a known place or a people's adjective, singular or
 * plural ("south korea", "syrian", "americans").
 */
/** A country, a people, a US state or a world region: a place too broad to be a story's own. */
export function isCountryOrRegion(key: string): boolean {
  return COUNTRY_OR_REGION.has(key) || (key.endsWith('s') && COUNTRY_OR_REGION.has(key.slice(0, -1)));
}

export function isKnownPlace(key: string): boolean {
  return PHRASES.has(key) || (key.endsWith('s') && PHRASES.has(key.slice(0, -1)));
}

const PLACE_NOUNS = new Set(
  (
    'ocean sea gulf strait bay river lake mountains mountain peninsula valley desert island islands coast ' +
    'province oblast governorate county district'
  ).split(' '),
);

/** A word that ends the name of a place: "Indian Ocean", "Ural Mountains", "Donetsk Oblast". */
export function isPlaceNoun(term: string): boolean {
  return PLACE_NOUNS.has(term);
}
