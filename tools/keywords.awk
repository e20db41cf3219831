# keywords.awk - the policy language's keywords, one a line, read from the lexer's own
# keyword table (lex_keywords in grammar/lexer.l): the manual, the vim syntax file and
# their tests are generated from this, so a keyword added to the lexer is in all of them.
# Fails when the table is not found, so a renamed table cannot give an empty list.
/lex_keywords\[\] = \{/ { inside = 1; next }
inside && /^\};/ { inside = 0; done = 1; next }
inside && /\{ *"[^"]+" *, *[A-Z_]+ *\}/ {
        line = $0
        sub(/^[^"]*"/, "", line)
        sub(/".*/, "", line)
        print line
        n++
}
END {
        if (!done || n == 0) {
                print "keywords.awk: no lex_keywords table in " FILENAME > "/dev/stderr"
                exit 1
        }
}
