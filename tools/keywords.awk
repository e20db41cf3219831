# keywords.awk - the policy language's keywords, one a line and sorted, read from the lexer's
# own keyword table (lex_keywords in grammar/lexer.l) and from the rows of the statements the
# generic grammar rules read (compiler/front/statements.def, every syntax but OWN): the
# manual, the vim syntax file and their tests are generated from this, so a keyword added to
# either is in all of them. Run as: awk -f keywords.awk grammar/lexer.l compiler/front/statements.def
# Fails when either table is not found, so a renamed table cannot give a short list.
FNR == 1 { file++ }
file == 1 && /lex_keywords\[\] = \{/ { inside = 1; next }
file == 1 && inside && /^\};/ { inside = 0; lexer = 1; next }
file == 1 && inside && /\{ *"[^"]+" *, *[A-Z_]+ *\}/ {
        line = $0
        sub(/^[^"]*"/, "", line)
        sub(/".*/, "", line)
        words[n++] = line
}
file == 2 && /^STATEMENT\([A-Z_]+, *"[^"]+", *[A-Z]+,/ {
        rows++
        line = $0
        sub(/^[^"]*"/, "", line)
        syntax = line
        sub(/".*/, "", line)
        sub(/^[^"]*", */, "", syntax)
        sub(/,.*/, "", syntax)
        if (syntax != "OWN")
                words[n++] = line
}
END {
        if (!lexer || !rows) {
                print "keywords.awk: no lex_keywords table or no STATEMENT rows in " ARGV[1] " " ARGV[2] > "/dev/stderr"
                exit 1
        }
        for (i = 1; i < n; i++)
                for (j = i; j > 0 && words[j - 1] > words[j]; j--) {
                        t = words[j]; words[j] = words[j - 1]; words[j - 1] = t
                }
        for (i = 0; i < n; i++)
                print words[i]
}
