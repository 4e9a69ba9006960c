// Package dates handles the dates of press articles: calendar dates known to
// the day, the month or the year (Date), the dates an article mentions
// (Mentions), and its publication date (Publication); Read gives both in
// one scan of the text. All are pure functions of the text, safe for
// concurrent use.
//
// # Mentions
//
// Mentions finds, in French and English, month names in any case and with
// or without accents (« février », « fevrier », « AOÛT »), abbreviated or not
// (« sept. », « Apr. »):
//
//   - days: « 25 avril 2023 », « 1er mai 2023 », « le 7 juin 2023 »,
//     « mardi 25 avril 2023 », « April 19, 2023 », « Tuesday, April 25,
//     2023 », « 19 April 2023 », ISO « 2023-04-25 », and « 25/04/2023 »
//     (also with dots or hyphens), always day first;
//   - months: « avril 2023 », « April 2023 », and with a qualifier that is
//     part of the mention but leaves it a month: « fin octobre 2022 »,
//     « début mai 2023 », « mi-mai 2023 », « courant mars 2023 »,
//     « mid-May 2023 »;
//   - years: « début 2018 », « fin 2022 », « mi-2022 » (a year, not a
//     month), and four digits from 1800 to 2100 only where the words around
//     make them a year: after en, depuis, dès, avant, après, courant,
//     année, l’an, l’été, printemps, automne, hiver, à l’horizon, d’ici,
//     jusqu’en, remonter à, datant de, à partir de, in, since, by, until,
//     before, after, during; in parentheses, « (2022) »; as two years in
//     order, « 2022-2023 », « 1940–1945 », « entre 2015 et 2018 », « de
//     2015 à 2018 », each of which is a mention; or after a year just found,
//     « en 2015, 2016 et 2018 ». A number followed by a unit (« en 2000
//     exemplaires », « 2022 euros », « 2000 % ») or part of a larger number
//     (« 2023,5 », « 1 500 000 ») is no year, nor are « les années 2010 »,
//     a decade, and « GPT-2023 » or « 2023-XYZ », glued to a word.
//
// A date that does not exist (« 31 février 2023 », « 30/02/2023 ») or whose
// year is out of range (« 25 avril 1789 ») is no mention, and no part of it
// is read as a shorter date. A date is written on one line. A header line
// that Header reads is the article's date and not one of its mentions.
//
// # Relative mentions
//
// Relative mentions are resolved against the publication date given to
// Mentions, marked Relative, and left out when the publication date is not
// precise enough for them:
//
//   - A day and month without a year, « le 25 avril », « le 25 avril
//     dernier », « le 3 mai prochain », « April 25 » (an English month
//     capitalised, so that « they may 25 » is not one), needs the month of
//     publication. With « dernier » it is the latest such day on or before
//     the publication date; with « prochain », the next one on or after it;
//     with neither, the nearest one, which is in the year of publication
//     unless that is more than half a year away (« le 1er décembre » in an
//     article of April 2023 is 2022-12-01). Known to the month, the
//     publication date counts as any day of its month, and distances are
//     counted in months: « le 25 avril dernier » in an article of April
//     2023 is 2023-04-25.
//   - A French month without a year, after a word that makes it a date
//     (« fin avril », « début mai », « mi-mai », « en avril dernier », « dès
//     février », « depuis mars », « le mois de juin »), needs the month of
//     publication and follows the same rules, by months: « dernier » is the
//     latest such month strictly before the month of publication,
//     « prochain » the next one strictly after. It must be written in lower
//     case, as French writes months, so that « vers Mars » is not March.
//   - « le mois dernier », « ce mois-ci », « le mois prochain », « last
//     month », « this month », « next month » are the month before, of and
//     after publication, and need its month. « l’année dernière », « l’an
//     dernier », « l’année passée », « cette année », « l’an prochain »,
//     « last year », « this year », « next year » are years, and need its
//     year. « cette année-là » is not this year.
//   - A weekday alone, « lundi », « dans la soirée de lundi », « Monday »,
//     is the latest such day on or before the publication date; « mardi
//     dernier », « last Tuesday » the latest strictly before; « lundi
//     prochain », « next Monday » the first strictly after. « le lundi »,
//     « chaque lundi », « du lundi au vendredi » (every Monday), « mardi
//     gras », « Black Friday », « the Sunday Times » are not days.
//   - « hier » and « yesterday » are the day before publication,
//     « avant-hier » two days before, « aujourd’hui » and « today » the day
//     itself.
//     French often says « aujourd’hui » for « nowadays »: it is read as a
//     day only when the publication date is known to the day, and never in
//     « d’aujourd’hui » (nor « d’hier »).
//
// Weekdays, « hier » and « aujourd’hui » need the day of publication. Weeks
// (« cette semaine », « la semaine dernière ») are left out: a Date has no
// week precision, and one week in five stands across two months.
// So are durations (« il y a deux ans », « un an plus tard »),
// « demain », and ranges of days (« du 10 au 12 mai 2023 » gives only its
// last day).
//
// Each mention has the sentence it stands in. Sentences end at . ! ? or …
// followed by whitespace (closing quotes or brackets go with the sentence),
// and at line breaks, so that a title or a paragraph without a final stop is
// a sentence of its own; not at abbreviations (« M. », « Mme », « St. »),
// initials (« J. K. Rowling »), an abbreviated month before a number
// (« sept. 2023 »), or a full stop followed by a lower-case word
// (« etc. et »). A decimal point or comma (« 3.5 », « 2,5 ») has no space
// after it.
//
// # Publication date
//
// Publication takes the date given with an article (Metadata), else the
// date of a header line such as « date 2023-04 » (HeaderLine), else infers
// one (Inferred), else gives none (NoDate). The inference is conservative,
// for a wrong date is worse than none. It reads only the absolute mentions
// known to the day or the month (years and relative mentions never count),
// and leaves out those that the text announces as a start or a deadline: a
// marker such as « à compter du », « à partir du », « dès le », « d’ici »,
// « avant », « jusqu’au », « prévu le », « prévue le », « fixé au »,
// « fixée au », « date limite », « échéance », « au plus tard »,
// « deadline », « from », « starting », « by » or « until » stands at most
// 40 bytes before it in its sentence. The publication date is then the
// month of the latest mention left. An article is published on or after the
// events it reports, usually within days, while the dates it announces come
// after it: « À compter du 25 avril 2023, les campagnes… ne prendront plus
// en charge Twitter » is left out, the tweet « April 19, 2023 » it reports
// dates the article April 2023. The month is a lower bound that is usually
// the right month: an article of May that reports an April tweet as its
// latest dated event is dated April.
package dates
