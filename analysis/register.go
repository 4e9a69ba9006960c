package analysis

import (
	"fmt"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names under which the analyzer and its parts are registered in bleve's
// registry. They are stored in index mappings: never rename one.
const (
	AnalyzerName  = "dossier_fr"
	TokenizerName = "dossier_fr_tokenizer"
	LowerName     = "dossier_fr_lower"
	ElisionName   = "dossier_fr_elision"
	StopName      = "dossier_fr_stop"
	ProtectName   = "dossier_fr_protect"
	StemName      = "dossier_fr_stem"
	FoldName      = "dossier_fr_fold"
)

// The only init of the package: bleve.Open rebuilds analyzers by name from
// the stored mapping, so they must be in the registry before any index is
// opened.
func init() {
	must(registry.RegisterAnalyzer(AnalyzerName, func(config map[string]any, _ *registry.Cache) (bleveanalysis.Analyzer, error) {
		var opts Options
		var err error
		if opts.StopWords, err = wordsConfig(config, "stop_words"); err != nil {
			return nil, err
		}
		if opts.Protected, err = wordsConfig(config, "protected_words"); err != nil {
			return nil, err
		}
		if opts.StemCacheSize, err = intConfig(config, "stem_cache_size"); err != nil {
			return nil, err
		}
		return New(opts), nil
	}))
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]any, *registry.Cache) (bleveanalysis.Tokenizer, error) {
		return NewTokenizer(), nil
	}))
	must(registry.RegisterTokenFilter(LowerName, func(map[string]any, *registry.Cache) (bleveanalysis.TokenFilter, error) {
		return NewLowerFilter(), nil
	}))
	must(registry.RegisterTokenFilter(ElisionName, func(config map[string]any, _ *registry.Cache) (bleveanalysis.TokenFilter, error) {
		articles, err := wordsConfig(config, "articles")
		return NewElisionFilter(articles), err
	}))
	must(registry.RegisterTokenFilter(StopName, func(config map[string]any, _ *registry.Cache) (bleveanalysis.TokenFilter, error) {
		words, err := wordsConfig(config, "words")
		return NewStopFilter(words), err
	}))
	must(registry.RegisterTokenFilter(ProtectName, func(config map[string]any, _ *registry.Cache) (bleveanalysis.TokenFilter, error) {
		words, err := wordsConfig(config, "words")
		return NewProtectFilter(words), err
	}))
	must(registry.RegisterTokenFilter(StemName, func(config map[string]any, _ *registry.Cache) (bleveanalysis.TokenFilter, error) {
		size, err := intConfig(config, "cache_size")
		return NewStemFilter(size), err
	}))
	must(registry.RegisterTokenFilter(FoldName, func(map[string]any, *registry.Cache) (bleveanalysis.TokenFilter, error) {
		return NewFoldFilter(), nil
	}))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// wordsConfig reads a list of words from a registry configuration, where it
// is a []string when built in Go and a []any once read back from JSON. A
// missing key gives nil.
func wordsConfig(config map[string]any, key string) ([]string, error) {
	switch v := config[key].(type) {
	case nil:
		return nil, nil
	case []string:
		return v, nil
	case []any:
		words := make([]string, 0, len(v))
		for _, w := range v {
			s, ok := w.(string)
			if !ok {
				return nil, fmt.Errorf("analysis config %s: %v is not a string", key, w)
			}
			words = append(words, s)
		}
		return words, nil
	default:
		return nil, fmt.Errorf("analysis config %s: want a list of words, have %T", key, v)
	}
}

// intConfig reads an integer from a registry configuration (a float64 once
// read back from JSON). A missing key gives 0.
func intConfig(config map[string]any, key string) (int, error) {
	switch v := config[key].(type) {
	case nil:
		return 0, nil
	case int:
		return v, nil
	case float64:
		return int(v), nil
	default:
		return 0, fmt.Errorf("analysis config %s: want a number, have %T", key, v)
	}
}
