# embed.awk: turns ingest/sections.rules into a C string for the library.
# Escapes by hand: gsub's treatment of "\\" differs between awks.
BEGIN { print "/* generated from ingest/sections.rules by ingest/embed.awk */"
        print "extern const char psi_default_rules[];"
        print "const char psi_default_rules[] =" }
{
    out = ""
    for (i = 1; i <= length($0); i++) {
        c = substr($0, i, 1)
        if (c == "\\") out = out "\\\\"
        else if (c == "\"") out = out "\\\""
        else out = out c
    }
    print "    \"" out "\\n\""
}
END { print ";" }
