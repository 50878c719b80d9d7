#!/usr/bin/env bash
# Regenerates the spoken prompts of the SIP edge (src/main/resources/prompts/*.wav): 8 kHz mono 16-bit PCM, spoken by
# espeak-ng, trimmed, and notched at the test phones' tone bands (450-550, 1850-1950, 2650-2750 Hz) so an end-to-end
# test that listens for those tones never mistakes a prompt for a caller. Tones, beeps and music on hold are made in
# code (org.conference.edge.media.prompts.Tones). Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/prompts"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

speak() {   # speak <name> <text>
  espeak-ng -v en-us -s 165 -a 120 -w "$tmp/$1.raw.wav" "$2"
  sox "$tmp/$1.raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/$1.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse \
    sinc -a 80 -t 40 570-430 sinc -a 80 -t 40 1970-1830 sinc -a 80 -t 40 2770-2630 norm -6
}

# meeting-service's prompts (meeting-service .../rules/behaviours/Prompts.java)
speak max-calls          "This meeting is full."
speak locked             "The meeting is locked."
speak unlocked           "The meeting is unlocked."
speak waiting-for-host   "Please wait for the host to join."
speak start-timeout      "The host did not join. Goodbye."
speak max-duration       "The meeting has reached its time limit."
speak meeting-ended      "The meeting has ended."
speak muted              "You are muted."
speak unmuted            "You are unmuted."
speak all-muted          "All callers are muted."
speak all-unmuted        "All callers are unmuted."
speak on-hold            "You are on hold."
speak off-hold           "You are off hold."
speak recording-started  "Recording started."
speak recording-stopped  "Recording stopped."
speak help               "Star six, mute. Star one, raise your hand. Star nine, help."
speak goodbye            "Goodbye."
speak no-operator        "No operator is available."
speak qa-started         "Questions and answers have started."
speak qa-ended           "Questions and answers have ended."
speak hand-raised        "Your hand is raised."
speak hand-lowered       "Your hand is lowered."
speak your-turn          "It is your turn to speak."
speak queue-cleared      "The question queue is cleared."

# pieces that count:<n> and tones:<entry>:<exit> are composed of
speak count-there-are    "There are"
speak count-there-is     "There is"
speak count-participants "participants."
speak count-participant  "participant."
speak tones-entry        "Entry tones"
speak tones-exit         "exit tones"
speak word-on            "on,"
speak word-off           "off,"
words=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
       seventeen eighteen nineteen)
for n in "${!words[@]}"; do speak "number-$n" "${words[$n]}"; done
tens=([2]=twenty [3]=thirty [4]=forty [5]=fifty [6]=sixty [7]=seventy [8]=eighty [9]=ninety)
for n in "${!tens[@]}"; do speak "number-${n}0" "${tens[$n]}"; done
speak number-hundred  "hundred"
speak number-thousand "thousand"
echo "wrote $(ls "$out" | wc -l) prompts to $out"
