package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// describe prints a token stream as "term@start-end:pos" items, with a *
// after the term of a keyword.
func describe(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s", t.Term)
		if t.KeyWord {
			b.WriteByte('*')
		}
		fmt.Fprintf(&b, "@%d-%d:%d", t.Start, t.End, t.Position)
	}
	return b.String()
}

func TestTokenizer(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"words", "chien CHAT", "chien@0-5:1 CHAT@6-10:2"},
		{"punctuation", "  chien  ,? + = -  CHAT", "chien@2-7:1 CHAT@19-23:2"},
		{"elided article stays for elision", "l’API", "l’API@0-7:1"},
		{"aujourd’hui is one word", "aujourd’hui", "aujourd’hui@0-13:1"},
		{"thousands with space", "45 000 dollars", "45000@0-6:1 dollars@7-14:2"},
		{"thousands with no-break space", "45\u00a0000", "45000@0-7:1"},
		{"thousands with narrow no-break space", "45\u202f000", "45000@0-8:1"},
		{"thousands with dots", "42.000 dollars", "42000@0-6:1 dollars@7-14:2"},
		{"millions", "1 234 567 €", "1234567@0-9:1"},
		{"decimal comma kept", "2,5 millions", "2,5@0-3:1 millions@4-12:2"},
		{"decimal after thousands", "12 500,50", "12500,50@0-9:1"},
		{"version number kept", "1.5 et 192.168.0.1", "1.5@0-3:1 et@4-6:2 192.168.0.1@7-18:3"},
		{"year is not a thousands group", "en 2018 300 salariés", "en@0-2:1 2018@3-7:2 300@8-11:3 salariés@12-21:4"},
		{"two spaces separate numbers", "45  000", "45@0-2:1 000@4-7:2"},
		{"hyphen compound", "GPT-4", "GPT4@0-5:1 GPT@0-3:1 4@4-5:2"},
		{"compound of words", "multi-plateformes", "multiplateformes@0-17:1 multi@0-5:1 plateformes@6-17:2"},
		{"clitic compounds are not joined", "a-t-il celui-ci", "a@0-1:1 t@2-3:2 il@4-6:3 celui@7-12:4 ci@13-15:5"},
		{"numbers are not joined", "1940-1945", "1940@0-4:1 1945@5-9:2"},
		{"dots between letters", "jeuxvideo.com", "jeuxvideocom@0-13:1 jeuxvideo@0-9:1 com@10-13:2"},
		{"acronym with dots", "U.S.A.", "USA@0-5:1 U@0-1:1 S@2-3:2 A@4-5:3"},
		{"inclusive writing", "salarié·e·s", "salariées@0-14:1 salarié@0-8:1 e@10-11:2 s@13-14:3"},
		{"dot between digits stays", "GPT3.5", "GPT3.5@0-6:1"},
		{"mention", "(@elonmusk)", "@elonmusk*@1-10:1 elonmusk@2-10:1"},
		{"hashtag", "#Twitter", "#Twitter*@0-8:1 Twitter@1-8:1"},
		{"e-mail address is no mention", "foo@bar.com", "foo@0-3:1 barcom@4-11:2 bar@4-7:2 com@8-11:3"},
		{"URL", "voir https://www.Example.com/a/. Fin", "voir@0-4:1 example.com/a*@5-31:2 https@5-10:2 wwwExamplecom@13-28:3 www@13-16:3 Example@17-24:4 com@25-28:5 a@29-30:6 Fin@33-36:7"},
		{"bare www URL", "www.lemonde.fr", "lemonde.fr*@0-14:1 wwwlemondefr@0-14:1 www@0-3:1 lemonde@4-11:2 fr@12-14:3"},
		{"scheme alone is no URL", "http:// x", "http@0-4:1 x@8-9:2"},
		{"invalid UTF-8 separates words", "abc\xffdef\xfe\xfdghi", "abc@0-3:1 def@4-7:2 ghi@9-12:3"},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := describe(tokens(NewTokenizer().Tokenize([]byte(c.in)))); got != c.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}
