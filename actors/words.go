package actors

import (
	_ "embed"
	"strings"
	"sync"
)

// The word lists of the discovery rules. They are keys (lower case, no
// accents) except honorifics and legalSuffixes, compared as written.

//go:embed firstnames.txt
var firstNamesFile string

// class is what the discovery rules know of a word: a bit for each list.
type class uint32

const (
	clsStop class = 1 << iota
	clsCalendar
	clsNotName // stop, calendar, notNames, roles, or a compound starting with a stop word or a not-name
	clsRole
	clsPoliticalRole
	clsRoleAdjective
	clsPreAdjective
	clsAppositionArticle
	clsPreposition
	clsOrgMarker
	clsDeterminer
	clsOrgAdjective
	clsConnector
	clsParticle
	clsPlace
	clsLocative
	clsFirstName // in firstnames.txt, or a compound whose first part is (Jean-Noël)
	clsHonorific // the key of an honorific; the word as written must be checked
	clsLegalSuffix
)

// classOf returns the classes of a key: one map look-up, not one a list,
// for each word of each article.
func classOf(key string) class {
	c := classes()[key]
	if h := strings.IndexByte(key, '-'); h > 0 {
		first := classes()[key[:h]]
		if first&(clsStop|clsNotName) != 0 {
			c |= clsNotName
		}
		if first&clsFirstName != 0 {
			c |= clsFirstName
		}
		if rest := classes()[key[h+1:]]; key[:h] == "ex" && rest&clsRole != 0 {
			c |= rest & (clsRole | clsPoliticalRole | clsNotName) // « ex-PDG »
		}
	}
	return c
}

var classes = sync.OnceValue(func() map[string]class {
	m := map[string]class{}
	for c, words := range map[class]map[string]bool{
		clsStop | clsNotName:     stopWords,
		clsCalendar | clsNotName: calendar,
		clsNotName:               notNames,
		clsRole | clsNotName:     roles,
		clsPoliticalRole:         politicalRoles,
		clsRoleAdjective:         roleAdjectives,
		clsPreAdjective:          preAdjectives,
		clsAppositionArticle:     appositionArticles,
		clsPreposition:           prepositions,
		clsOrgMarker:             orgMarkers,
		clsDeterminer:            determiners,
		clsOrgAdjective:          orgAdjectives,
		clsConnector:             connectors,
		clsParticle:              particles,
		clsPlace:                 placeWords,
		clsLocative:              locatives,
		clsFirstName:             firstNames(),
		clsHonorific:             keysOf(honorifics),
		clsLegalSuffix:           keysOf(legalSuffixes),
	} {
		for w := range words {
			m[w] |= c
		}
	}
	return m
})

func keysOf(written map[string]bool) map[string]bool {
	m := map[string]bool{}
	for w := range written {
		m[string(appendKey(nil, w))] = true
	}
	return m
}

// firstNames is the set of first names of firstnames.txt.
var firstNames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 2048)
	for _, line := range strings.Split(firstNamesFile, "\n") {
		line = strings.TrimSpace(stripComment(line))
		for _, name := range strings.Fields(line) {
			m[string(appendKey(nil, name))] = true
		}
	}
	return m
})

// stopWords are function words and the common words that open a sentence
// with a capital: never part of a name.
var stopWords = set(`
a à ai ainsi alors après assez au aucun aucune aujourd aujourd'hui auparavant auprès aussi autant
autre autres aux avant avec avoir ayant bah bien bientôt bon bref c ça car ce ceci cela celle celle-ci
celle-là celles celles-ci celui celui-ci celui-là cependant certes certain certaine certaines certains
ces cet cette ceux ceux-ci chacun chacune chaque chez ci combien comme comment concrètement contre
côté d dans de déjà demain depuis dernier dernière derrière des dès désormais deux devant donc dont du
durant elle elles en encore enfin ensuite entre environ est et été être eux face fin finalement fois
hélas hier hors ici il ils jamais je jusqu jusque l la là laquelle le lequel les lesquels leur leurs
lors lorsque lui ma mais malgré même mêmes mes moi moins mon néanmoins ni non nos notre nous on or ou
où outre par parce parmi pas pendant peu peut peut-être plus plusieurs plutôt pour pourquoi pourtant
premier première puis puisque quand que quel quelle quelles quels quelque quelques qui quoi quoique
rien sa sans se selon ses seul seule seulement si sinon soit son sous souvent sur surtout ta tandis
tant te tel telle telles tels tes toi ton tôt toujours tous tout toute toutes toutefois très trop tu
un une unes uns vers via voici voilà vos votre vous y également notamment autrement maintenant ailleurs
reste quant voire aussitôt sauf hormis grâce lorsqu puisqu quoiqu oui trois quatre cinq six sept huit
neuf dix cent mille million millions milliard milliards ne n s t j m qu est-ce c'est cest
source sources photo lire voir aussi rédigé publié mis mise interrogé interrogée selon
bonjour merci attention pourtant désormais depuis surtout enfin bref d'abord d'ailleurs
the an of and or to in on at by for with from this that these those it its is are was were be been
being they them their we us our you your he him his she her i me my not no yes but so if as too all
time what who whom why how when where there here then than just also only now very lawsuit
`)

// calendar holds the months and days, French and English.
var calendar = set(`
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
`)

// notNames are capitalised words that are part of no one's name: places,
// institutions, nationalities, words of product names.
var notNames = set(`
états-unis etats-unis états etats unis france europe union chine amérique afrique asie inde japon
russie ukraine allemagne royaume-uni royaume irlande israël californie paris londres bruxelles
berlin pékin tokyo shanghai shenzhen washington new york san santa los las saint sainte silicon
valley wall street hong kong palo alto mountain view seattle redmond cupertino boston chicago
francisco angeles vegas davos genève texas floride québec montréal canada
maison blanche élysée matignon bercy commission parlement sénat assemblée nationale national
conseil cour suprême tribunal gouvernement état ministère ministre président présidente république
bourse internet web ia intelligence artificielle nord sud est ouest européenne européen européens
américain américaine américains français française chinois chinoise général générale fédéral
fédérale pro plus max ultra mini lite premium instant opus sonnet haiku édition version
update live direct interview tribune analyse opinion édito exclusif news tech data cloud ai api app
inc corp ltd sa sas group groupe holding capital partners ventures labs technologies systems
institute university foundation fondation université institut agence banque société association
twitter tweet tweets google microsoft apple
`)

// honorifics open a person's name, as written: « M. », « Mme », « Me »
// (maître), « Dr », « Pr ».
var honorifics = map[string]bool{"M": true, "Mme": true, "Mlle": true, "Me": true, "Dr": true, "Pr": true, "Mgr": true}

// roles are the titles that introduce or follow a person's name.
var roles = set(`
pdg p-dg ceo cto cfo coo cso cmo dg directeur directrice président présidente vice-président
vice-présidente porte-parole avocat avocate fondateur fondatrice cofondateur cofondatrice co-fondateur
co-fondatrice ministre journaliste analyste patron patronne chef cheffe dirigeant dirigeante
économiste chercheur chercheuse professeur professeure député députée sénateur sénatrice commissaire
secrétaire chancelier chancelière gouverneur gouverneure juge procureur procureure éditorialiste
chroniqueur chroniqueuse présentateur présentatrice administrateur administratrice responsable
maire milliardaire entrepreneur entrepreneuse investisseur investisseuse ingénieur ingénieure
expert experte
`)

// politicalRoles may introduce a surname alone: « le président Macron ».
var politicalRoles = set(`
président présidente ministre chancelier chancelière sénateur sénatrice député députée gouverneur
gouverneure juge commissaire maire
`)

// roleAdjectives follow a role: « directeur général », « avocat personnel ».
var roleAdjectives = set(`
général générale exécutif exécutive financier financière technique adjoint adjointe délégué déléguée
personnel personnelle principal principale associé associée opérationnel opérationnelle intérimaire
`)

// preAdjectives come before a role: « la nouvelle PDG ».
var preAdjectives = set(`
nouveau nouvel nouvelle ancien ancienne actuel actuelle futur future premier première ex jeune
célèbre puissant puissante influent influente emblématique charismatique
`)

var appositionArticles = set("le la un une")

var prepositions = set("de du des chez")

// orgMarkers are common nouns that introduce an organisation's name.
var orgMarkers = set(`
société entreprise startup start-up groupe ong agence cabinet banque association fonds université
firme compagnie géant éditeur constructeur fabricant opérateur laboratoire institut fondation
licorne pousse syndicat parti fondeur équipementier assureur hébergeur studio
`)

var determiners = set("le la les un une des du de ce cet cette ces sa son ses leur leurs au aux")

// orgAdjectives may stand between a marker and the name: « la start-up
// française Mistral AI ».
var orgAdjectives = set(`
français française américain américaine chinois chinoise britannique allemand allemande japonais
japonaise coréen coréenne sud-coréen sud-coréenne israélien israélienne canadien canadienne indien
indienne suisse belge européen européenne italien italienne espagnol espagnole néerlandais
néerlandaise suédois suédoise irlandais irlandaise taïwanais taïwanaise russe californien
californienne parisien parisienne new-yorkais new-yorkaise rival rivale concurrent concurrente
tricolore hexagonal hexagonale
`)

// connectors join the words of an organisation's name: « Future of
// Life », « Banque de France ».
var connectors = set("of de du des and for")

// particles of surnames.
var particles = set("de du des le la van von der den di da del della dos das ben bin al el ter ten zu")

// placeWords name a place after a person: « rue Jean Jaurès ».
var placeWords = set(`
rue avenue boulevard place quai allée impasse chemin route cours square pont porte gare station
aéroport lycée collège école université hôpital clinique stade salle musée fondation institut prix
centre parc théâtre cité résidence promenade esplanade jardin campus
`)

// locatives before a capitalised pair make it a place: « À San Francisco ».
var locatives = set("à en au aux dans depuis vers près sur")

// legalSuffixes follow a company's name, as written.
var legalSuffixes = map[string]bool{
	"Inc": true, "Corp": true, "SA": true, "SAS": true, "SARL": true, "Ltd": true,
	"GmbH": true, "LLC": true, "AG": true, "plc": true, "PLC": true, "NV": true,
}
