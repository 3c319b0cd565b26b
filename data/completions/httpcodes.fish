# fish completion for httpcodes(1)
complete -c httpcodes -s i -l interactive -d 'Open the browser with the query in its search box'
complete -c httpcodes -s s -l search -d 'Treat the query as words'
complete -c httpcodes -s l -l list -d 'List every entry, tab-separated'
complete -c httpcodes -s j -l json -d 'Print results as JSON'
complete -c httpcodes -l lang -x -a 'en ko both' -d 'Language of names and text'
complete -c httpcodes -s h -l help -d 'Show help'
complete -c httpcodes -s V -l version -d 'Show version'
complete -c httpcodes -f -a '(httpcodes --list 2>/dev/null | cut -f1,2 | uniq)'
