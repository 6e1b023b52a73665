#!/bin/sh
# Captures every command's --help in en and zh (COLUMNS=80 into a file, piped, and on a 60-column terminal) from the built CLI of the worktree $1 into directory $2: run it before and after a change to the declarations and `diff -r` the two (issue 25: help must stay byte-identical; the man pages are rebuilt by scripts/build.mjs and checked with git diff).
set -e
wt=$1; out=$2; mkdir -p "$out"
walk() {
  # $1: the command path (space-separated, may be empty)
  for lang in en zh; do
    name=$(echo "root $1" | tr ' ' '_')
    env -i PATH="$PATH" HOME=/tmp COLUMNS=80 node "$wt/bin/sscard" --lang $lang $1 --help > "$out/$name.$lang.txt" 2>&1 || true
    env -i PATH="$PATH" HOME=/tmp node "$wt/bin/sscard" --lang $lang $1 --help | cat > "$out/$name.$lang.piped.txt" 2>&1 || true
    # On a real terminal 60 columns wide (util-linux script(1) gives it a pty), where commander wraps to the width.
    if command -v script >/dev/null 2>&1; then
      env -i PATH="$PATH" HOME=/tmp script -qec "stty cols 60; node '$wt/bin/sscard' --lang $lang $1 --help" /dev/null > "$out/$name.$lang.tty60.txt" 2>&1 || true
    fi
  done
  subs=$(awk '/^Commands:/{f=1;next} f&&/^[^ ]/{f=0} f&&/^  [a-z]/{print $1}' "$out/$(echo "root $1" | tr ' ' '_').en.txt" | grep -v '^help$' || true)
  for s in $subs; do walk "$(echo "$1 $s" | sed 's/^ //')"; done
}
walk ""
ls "$out" | wc -l
