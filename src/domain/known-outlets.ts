/**
 * Major news outlets with their aliases and web domains, so that an import naming an outlet only by
 * a domain ("nytimes.com") or a short name ("AP") gets the outlet's real name and kind. Outlets
 * already in the database always take precedence over this list.
 */
import type { OutletRecord } from './bundle'

type KnownOutlet = Omit<OutletRecord, 'aliases'> & { aliases?: string[] }

const outlet = (
  slug: string,
  name: string,
  kind: OutletRecord['kind'],
  country: string,
  domain: string,
  aliases: string[] = [],
): KnownOutlet => ({ slug, name, kind, country, domain, aliases })

const KNOWN: KnownOutlet[] = [
  // Wires and agencies
  outlet('the-associated-press', 'The Associated Press', 'wire', 'US', 'apnews.com', [
    'Associated Press',
    'AP',
  ]),
  outlet('reuters', 'Reuters', 'wire', 'GB', 'reuters.com', ['Thomson Reuters']),
  outlet('agence-france-presse', 'Agence France-Presse', 'wire', 'FR', 'afp.com', ['AFP']),
  outlet('bloomberg', 'Bloomberg', 'wire', 'US', 'bloomberg.com', ['Bloomberg News']),
  outlet('efe', 'EFE', 'wire', 'ES', 'efe.com', ['Agencia EFE']),
  outlet('dpa', 'Deutsche Presse-Agentur', 'wire', 'DE', 'dpa.com', ['dpa']),
  outlet('united-press-international', 'United Press International', 'wire', 'US', 'upi.com', [
    'UPI',
  ]),
  // United States: newspapers
  outlet('the-new-york-times', 'The New York Times', 'newspaper', 'US', 'nytimes.com', [
    'New York Times',
    'NYT',
  ]),
  outlet('the-wall-street-journal', 'The Wall Street Journal', 'newspaper', 'US', 'wsj.com', [
    'Wall Street Journal',
    'WSJ',
  ]),
  outlet('the-washington-post', 'The Washington Post', 'newspaper', 'US', 'washingtonpost.com', [
    'Washington Post',
    'WaPo',
  ]),
  outlet('los-angeles-times', 'Los Angeles Times', 'newspaper', 'US', 'latimes.com', [
    'LA Times',
    'L.A. Times',
  ]),
  outlet('usa-today', 'USA Today', 'newspaper', 'US', 'usatoday.com'),
  outlet('the-boston-globe', 'The Boston Globe', 'newspaper', 'US', 'bostonglobe.com', [
    'Boston Globe',
  ]),
  outlet('chicago-tribune', 'Chicago Tribune', 'newspaper', 'US', 'chicagotribune.com'),
  outlet('new-york-post', 'New York Post', 'newspaper', 'US', 'nypost.com', ['NY Post']),
  outlet('the-washington-times', 'The Washington Times', 'newspaper', 'US', 'washingtontimes.com', [
    'Washington Times',
  ]),
  outlet('miami-herald', 'Miami Herald', 'newspaper', 'US', 'miamiherald.com'),
  outlet(
    'san-francisco-chronicle',
    'San Francisco Chronicle',
    'newspaper',
    'US',
    'sfchronicle.com',
  ),
  // United States: broadcasters
  outlet('cnn', 'CNN', 'broadcaster', 'US', 'cnn.com', ['Cable News Network']),
  outlet('fox-news', 'Fox News', 'broadcaster', 'US', 'foxnews.com'),
  outlet('nbc-news', 'NBC News', 'broadcaster', 'US', 'nbcnews.com', ['NBC']),
  outlet('abc-news', 'ABC News', 'broadcaster', 'US', 'abcnews.go.com'),
  outlet('cbs-news', 'CBS News', 'broadcaster', 'US', 'cbsnews.com', ['CBS']),
  outlet('msnbc', 'MSNBC', 'broadcaster', 'US', 'msnbc.com'),
  outlet('npr', 'NPR', 'broadcaster', 'US', 'npr.org', ['National Public Radio']),
  outlet('cnbc', 'CNBC', 'broadcaster', 'US', 'cnbc.com'),
  // United States: online and magazines
  outlet('politico', 'Politico', 'online', 'US', 'politico.com'),
  outlet('axios', 'Axios', 'online', 'US', 'axios.com'),
  outlet('huffpost', 'HuffPost', 'online', 'US', 'huffpost.com', [
    'Huffington Post',
    'The Huffington Post',
    'huffingtonpost.com',
  ]),
  outlet('breitbart', 'Breitbart News', 'online', 'US', 'breitbart.com', ['Breitbart']),
  outlet('the-hill', 'The Hill', 'newspaper', 'US', 'thehill.com'),
  outlet('vox', 'Vox', 'online', 'US', 'vox.com'),
  outlet('buzzfeed-news', 'BuzzFeed News', 'online', 'US', 'buzzfeednews.com'),
  outlet('business-insider', 'Business Insider', 'online', 'US', 'businessinsider.com', [
    'Insider',
  ]),
  outlet('the-daily-beast', 'The Daily Beast', 'online', 'US', 'thedailybeast.com', [
    'Daily Beast',
  ]),
  outlet('time', 'Time', 'magazine', 'US', 'time.com', ['TIME magazine']),
  outlet('newsweek', 'Newsweek', 'magazine', 'US', 'newsweek.com'),
  outlet('the-atlantic', 'The Atlantic', 'magazine', 'US', 'theatlantic.com', ['Atlantic']),
  outlet('the-new-yorker', 'The New Yorker', 'magazine', 'US', 'newyorker.com', ['New Yorker']),
  outlet('forbes', 'Forbes', 'magazine', 'US', 'forbes.com'),
  // United Kingdom and Ireland
  outlet('bbc-news', 'BBC News', 'broadcaster', 'GB', 'bbc.co.uk', ['BBC', 'bbc.com']),
  outlet('the-guardian', 'The Guardian', 'newspaper', 'GB', 'theguardian.com', ['Guardian']),
  outlet('the-times', 'The Times', 'newspaper', 'GB', 'thetimes.co.uk', ['The Times of London']),
  outlet('the-telegraph', 'The Telegraph', 'newspaper', 'GB', 'telegraph.co.uk', [
    'Daily Telegraph',
    'The Daily Telegraph',
  ]),
  outlet('the-independent', 'The Independent', 'newspaper', 'GB', 'the-independent.com', [
    'Independent',
    'independent.co.uk',
  ]),
  outlet('financial-times', 'Financial Times', 'newspaper', 'GB', 'ft.com', [
    'FT',
    'The Financial Times',
  ]),
  outlet('the-economist', 'The Economist', 'magazine', 'GB', 'economist.com', ['Economist']),
  outlet('daily-mail', 'Daily Mail', 'newspaper', 'GB', 'dailymail.co.uk', [
    'Mail Online',
    'MailOnline',
  ]),
  outlet('sky-news', 'Sky News', 'broadcaster', 'GB', 'news.sky.com'),
  outlet('the-irish-times', 'The Irish Times', 'newspaper', 'IE', 'irishtimes.com', [
    'Irish Times',
  ]),
  // Elsewhere
  outlet('al-jazeera', 'Al Jazeera', 'broadcaster', 'QA', 'aljazeera.com'),
  outlet('deutsche-welle', 'Deutsche Welle', 'broadcaster', 'DE', 'dw.com', ['DW']),
  outlet('france-24', 'France 24', 'broadcaster', 'FR', 'france24.com'),
  outlet('le-monde', 'Le Monde', 'newspaper', 'FR', 'lemonde.fr'),
  outlet('der-spiegel', 'Der Spiegel', 'magazine', 'DE', 'spiegel.de', ['Spiegel']),
  outlet('el-pais', 'El País', 'newspaper', 'ES', 'elpais.com'),
  outlet('el-universal', 'El Universal', 'newspaper', 'MX', 'eluniversal.com.mx'),
  outlet('reforma', 'Reforma', 'newspaper', 'MX', 'reforma.com'),
  outlet('milenio', 'Milenio', 'newspaper', 'MX', 'milenio.com'),
  outlet('the-globe-and-mail', 'The Globe and Mail', 'newspaper', 'CA', 'theglobeandmail.com', [
    'Globe and Mail',
  ]),
  outlet('cbc-news', 'CBC News', 'broadcaster', 'CA', 'cbc.ca', ['CBC']),
  outlet('abc-australia', 'ABC News (Australia)', 'broadcaster', 'AU', 'abc.net.au', [
    'Australian Broadcasting Corporation',
  ]),
  outlet(
    'the-sydney-morning-herald',
    'The Sydney Morning Herald',
    'newspaper',
    'AU',
    'smh.com.au',
    ['Sydney Morning Herald'],
  ),
  outlet(
    'the-times-of-india',
    'The Times of India',
    'newspaper',
    'IN',
    'timesofindia.indiatimes.com',
    ['Times of India'],
  ),
  outlet('south-china-morning-post', 'South China Morning Post', 'newspaper', 'HK', 'scmp.com', [
    'SCMP',
  ]),
]

/** The built-in outlets, each a complete record. */
export const KNOWN_OUTLETS: readonly OutletRecord[] = KNOWN.map((o) => ({
  ...o,
  aliases: o.aliases ?? [],
}))
