module github.com/dossier-search/dossier-search

go 1.24

require (
	github.com/blevesearch/bleve/v2 v2.5.7
	github.com/blevesearch/segment v0.9.1
	github.com/kljensen/snowball v0.10.0
)

require (
	github.com/blevesearch/bleve_index_api v1.2.11 // indirect
	github.com/blevesearch/geo v0.2.4 // indirect
	github.com/blevesearch/snowballstem v0.9.0 // indirect
	github.com/blevesearch/upsidedown_store_api v1.0.2 // indirect
	github.com/json-iterator/go v0.0.0-20171115153421-f7279a603ede // indirect
	github.com/stretchr/testify v1.10.0 // indirect
)
