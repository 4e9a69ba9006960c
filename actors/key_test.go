package actors

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"la firme de Redmond", "firme de redmond"},
		{"Firme de  Redmond", "firme de redmond"},
		{"L’éditeur de Windows", "editeur de windows"},
		{"l'avocat d’Elon Musk", "avocat d'elon musk"},
		{"Lʼentreprise", "entreprise"},
		{"Les Échos", "echos"},
		{"Le Monde", "monde"},
		{"le", "le"},
		{"La", "la"},
		{"l'", "l'"},
		{"lesbos", "lesbos"},
		{"Cœur sur Paris", "coeur sur paris"},
		{"Garçon", "garcon"},
		{"ÉLYSÉE", "elysee"},
		{"Zoe\u0308", "zoe"}, // a combining diaeresis
		{"  Elon   Musk !! ", "elon musk"},
		{"« OpenAI »", "openai"},
		{"(Microsoft)", "microsoft"},
		{"@ElonMusk", "@elonmusk"},
		{"AT&T", "at&t"},
		{"GPT-3.5", "gpt-3.5"},
		{"Microsoft Corp.", "microsoft corp."},
		{"Jean–Noël\tBarrot\n", "jean noel barrot"}, // an en dash is punctuation
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
