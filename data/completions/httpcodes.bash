# bash completion for httpcodes(1)
_httpcodes_code_langs='python go rust spring jakarta csharp node symfony rack ktor swift php ruby rails kotlin typescript javascript'
_httpcodes()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}

	case $prev in
	--lang)
		COMPREPLY=($(compgen -W 'en ko both' -- "$cur"))
		return
		;;
	--code-lang)
		COMPREPLY=($(compgen -W "$_httpcodes_code_langs" -- "$cur"))
		return
		;;
	esac
	case $cur in
	--lang=*)
		COMPREPLY=($(compgen -W 'en ko both' -- "${cur#--lang=}"))
		return
		;;
	--code-lang=*)
		COMPREPLY=($(compgen -W "$_httpcodes_code_langs" -- "${cur#--code-lang=}"))
		return
		;;
	-*)
		COMPREPLY=($(compgen -W '--interactive --search --list --json --lang --lang= --code-lang --code-lang= --code-lang-only
			--help --version
			-i -s -l -j -h -V' -- "$cur"))
		return
		;;
	esac
	# Status codes, from the program's own table (one per line, unique).
	local codes
	codes=$("${COMP_WORDS[0]}" --list 2>/dev/null | cut -f1 | uniq)
	COMPREPLY=($(compgen -W "$codes" -- "$cur"))
}
complete -F _httpcodes httpcodes
