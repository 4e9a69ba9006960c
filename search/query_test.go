package search

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// show prints a query tree in a compact prefix form for tests.
func show(n node) string {
	switch n := n.(type) {
	case *andNode:
		return "AND(" + showAll(n.kids) + ")"
	case *orNode:
		return "OR(" + showAll(n.kids) + ")"
	case *notNode:
		return "NOT(" + show(n.kid) + ")"
	case *textNode:
		return fmt.Sprintf("text%s[%s]", fieldSuffix(n.field), n.text)
	case *phraseNode:
		return fmt.Sprintf("phrase%s[%s]", fieldSuffix(n.field), n.text)
	case *prefixNode:
		return fmt.Sprintf("prefix%s[%s]", fieldSuffix(n.field), n.word)
	case *fuzzyNode:
		return fmt.Sprintf("fuzzy%d%s[%s]", n.fuzziness, fieldSuffix(n.field), n.word)
	case *keywordNode:
		return fmt.Sprintf("%s=%s", n.field, n.value)
	case *dateNode:
		f, t := "", ""
		if !n.from.IsZero() {
			f = n.from.Format("2006-01-02")
		}
		if !n.to.IsZero() {
			t = n.to.Format("2006-01-02")
		}
		return fmt.Sprintf("date[%s,%s)", f, t)
	case *allNode:
		return "ALL"
	}
	return fmt.Sprintf("?%T", n)
}

func showAll(ns []node) string {
	var s []string
	for _, n := range ns {
		s = append(s, show(n))
	}
	return strings.Join(s, " ")
}

func fieldSuffix(f string) string {
	if f == "" {
		return ""
	}
	return ":" + f
}

func TestParse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "ALL"},
		{"   ", "ALL"},
		{"*", "ALL"},
		{"API payante", "text[API payante]"},
		{"l’heure du procès", "text[l’heure du procès]"},
		{"jusqu’à 45 000 dollars", "text[jusqu’à 45 000 dollars]"},
		{"Musk OR Gates", "OR(text[Musk] text[Gates])"},
		{"Musk OU Gates", "OR(text[Musk] text[Gates])"},
		{"Musk AND Gates", "AND(text[Musk] text[Gates])"},
		{"Musk ET Gates", "AND(text[Musk] text[Gates])"},
		{"a b OR c d", "OR(text[a b] text[c d])"},
		{"Microsoft NOT Apple", "AND(text[Microsoft] NOT(text[Apple]))"},
		{"Microsoft SAUF Apple", "AND(text[Microsoft] NOT(text[Apple]))"},
		{"Microsoft -Apple", "AND(text[Microsoft] NOT(text[Apple]))"},
		{"-Apple", "NOT(text[Apple])"},
		{"(-Apple)", "NOT(text[Apple])"},
		{"GPT-4 multi-plateformes", "text[GPT-4 multi-plateformes]"},
		{"(Musk OR Gates) procès", "AND(OR(text[Musk] text[Gates]) text[procès])"},
		{"((a))", "text[a]"},
		{`"l’heure du procès"`, "phrase[l’heure du procès]"},
		{"“l’heure du procès”", "phrase[l’heure du procès]"},
		{"«l’heure du procès»", "phrase[l’heure du procès]"},
		{"« l’heure du procès »", "phrase[ l’heure du procès ]"},
		{`a "b c" d`, "AND(text[a] phrase[b c] text[d])"},
		{"api*", "prefix[api]"},
		{"tweeter~1", "fuzzy1[tweeter]"},
		{"tweeter~", "fuzzy1[tweeter]"},
		{"tweeter~2", "fuzzy2[tweeter]"},
		{"actor:Microsoft", "actor=Microsoft"},
		{"acteur:Microsoft", "actor=Microsoft"},
		{`actor:"Elon Musk"`, "actor=Elon Musk"},
		{"actor:(Microsoft OR Apple)", "OR(actor=Microsoft actor=Apple)"},
		{"topic:procès source:jeuxvideo.com", "AND(topic=procès source=jeuxvideo.com)"},
		{"title:procès Musk", "AND(text:title[procès] text[Musk])"},
		{`title:"heure du procès"`, "phrase:title[heure du procès]"},
		{"titre:api*", "prefix:title[api]"},
		{"body:Redmond", "text:body[Redmond]"},
		{"date:2023-04", "date[2023-04-01,2023-05-01)"},
		{"date:2023", "date[2023-01-01,2024-01-01)"},
		{"date:2023-04-25", "date[2023-04-25,2023-04-26)"},
		{"date:2023-04-01..2023-05-31", "date[2023-04-01,2023-06-01)"},
		{"date:2023-04..", "date[2023-04-01,)"},
		{"date:..2023-04", "date[,2023-05-01)"},
		{"date:>=2023-05", "date[2023-05-01,)"},
		{"date:>2023-05", "date[2023-06-01,)"},
		{"date:<2023-05", "date[,2023-05-01)"},
		{"date:<=2023-05", "date[,2023-06-01)"},
		{"http://example.com/a", "text[http://example.com/a]"},
		{"10:30", "text[10:30]"},
		{"sécurité: les enjeux", "text[sécurité: les enjeux]"},
		{"OpenAI AND (Musk OR Altman) NOT title:Advertising", "AND(text[OpenAI] OR(text[Musk] text[Altman]) NOT(text:title[Advertising]))"},
		{"or and not", "text[or and not]"},
	} {
		t.Run(c.in, func(t *testing.T) {
			n, err := parse(c.in)
			if err != nil {
				t.Fatalf("parse(%q): %v", c.in, err)
			}
			if got := show(n); got != c.want {
				t.Errorf("parse(%q)\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("(", 100) + "a" + strings.Repeat(")", 100)
	many := strings.Repeat("a ", maxQueryTerms+1)
	for _, c := range []struct {
		in     string
		column int
		msg    string
	}{
		{`"l’heure du procès`, 1, "unbalanced quotation mark"},
		{`API "payante`, 5, "unbalanced quotation mark"},
		{"« l’heure du procès", 1, "unbalanced quotation mark"},
		{"(Musk OR Gates", 1, "unbalanced parenthesis ("},
		{"Musk OR Gates)", 14, "unbalanced parenthesis )"},
		{"()", 1, "empty parentheses"},
		{"auteur:Musk", 1, `unknown field "auteur"`},
		{"api payante foo:bar", 13, `unknown field "foo"`},
		{"date:2023-13", 6, `bad date "2023-13"`},
		{"date:avril", 6, `bad date "avril"`},
		{"date:2023-04..2023-1", 15, `bad date "2023-1"`},
		{"date:3000", 6, `bad date "3000"`},
		{"date:2023-05..2023-04", 6, "ends before it starts"},
		{`date:"2023"`, 6, "without quotation marks"},
		{"date:", 1, "no value after the colon"},
		{"actor: Microsoft", 1, "no value after the colon"},
		{"OR Musk", 1, "needs a term before it"},
		{"Musk OR", 6, "needs a term after it"},
		{"Musk AND", 6, "needs a term after it"},
		{"AND Musk", 1, "needs a term before it"},
		{"Musk NOT", 6, "needs a term after it"},
		{"tweeter~3", 8, "fuzziness"},
		{"~2", 1, "needs a word"},
		{"title:(actor:x)", 8, "inside another field"},
		{deep, 66, "nested too deep"},
		{many, 2*maxQueryTerms + 1, "too many terms"},
	} {
		t.Run(c.in[:min(len(c.in), 40)], func(t *testing.T) {
			_, err := parse(c.in)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("parse(%q) = %v, want a *QueryError", c.in, err)
			}
			if qe.Column != c.column || !strings.Contains(qe.Msg, c.msg) {
				t.Errorf("parse(%q): %v, want column %d and %q", c.in, err, c.column, c.msg)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"API payante", `"l’heure du procès"`, "(Musk OR Gates) -Apple", "actor:\"Elon Musk\"",
		"date:2023-04-01..2023-05-31", "api* tweeter~1", "title:(a OR b)", "« a »", "a AND (b OR (c NOT d))", "date:>=2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n, err := parse(q)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("parse(%q): %v is not a *QueryError", q, err)
			}
			if qe.Column < 1 || qe.Column > utf8.RuneCountInString(q)+1 {
				t.Fatalf("parse(%q): column %d outside the query", q, qe.Column)
			}
			return
		}
		if n == nil {
			t.Fatalf("parse(%q): nil tree", q)
		}
	})
}
