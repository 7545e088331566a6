# ruff: noqa: E501  (a table of regular expressions: one rule per entry reads better than wrapped)
"""The safety screen's rules for risk that is implied rather than stated (issue 12).

The tables only; see safety_patterns for the macros (<P>, <W>, <ME>, <KIDS>) and how
rules are compiled. Each entry is (name, pattern, negatable, level): "clear" when the
words alone are a reason to lead with help, "possible" when they are worth a gentle
"are you safe right now?" but often innocent.

Families:
- partner-directed suicidal thoughts: a death meant to be found, seen or felt by the
  partner ("I want him to find me dead so he finally feels this");
- means without an intent verb: staring at, holding, hiding or stashing a means;
- self-injury told by tool and result: a lighter to the wrist, skin that split;
- lethality signs of danger: a weapon shown during a row, pressure on the neck, veiled
  threats, harm to pets, stalking by car, reckless driving with the writer or children;
- control of money and phone without the usual verbs;
- harm to others: the writer planning or wanting to physically hurt someone.
"""

from __future__ import annotations

CLEAR = "clear"
POSSIBLE = "possible"

_BODY = r"(?:skin|arms?|wrists?|thighs?|legs?|hips?|stomach|belly|palms?|hands?|fingers|chest|ankles?|ribs|forearms?|shoulders?)"
_MEANS = r"(?:rope|noose|pills|tablets|painkillers|sleeping (?:pills|tablets)|razor(?: blade)?|blades?|gun|rifle|shotgun|pistol)"
_WEAPON = r"(?:gun|guns|rifle|shotgun|pistol|revolver|bullets|ammo|cartridges|knife|knives|blade|machete|axe|hammer|bat|baseball bat|crossbow|crowbar)"
_PET = r"(?:dog|cat|puppy|kitten|pet|pets|rabbit|hamster|bird|horse|animals?)"
_OTHER_PERSON = r"(?:her|him|them|that (?:woman|man|bitch|bastard|cow|prick)|the (?:ow|om|ap|affair partner|other (?:woman|man))|his (?:mistress|girlfriend|ap|affair partner)|her (?:boyfriend|lover|ap|affair partner)|my (?:husband|wife|partner|ex|boyfriend|girlfriend))"
# "kill" is left out on purpose: "I'll kill him when he gets home" is nearly always anger.
_HURT = r"(?:hurt|hit|punch|stab|beat|strangle|choke|shoot|poison|attack|batter|kick|slap|run (?:her|him|them) over|break (?:her|his|their) (?:legs?|neck|face|jaw|nose|arms?)|smash (?:her|his|their) (?:face|head)|bash (?:her|his|their) head|make (?:her|him|them) bleed|burn (?:her|his|their) (?:house|car|flat)|throw acid)"
_HURTING = r"(?:hurting|hitting|punching|stabbing|beating|strangling|choking|shooting|poisoning|attacking|battering|kicking|slapping|running (?:her|him|them) over|breaking (?:her|his|their) (?:legs?|neck|face|jaw|nose|arms?)|smashing (?:her|his|their) (?:face|head)|making (?:her|him|them) bleed)"

IMPLIED_SELF_HARM: tuple[tuple[str, str, bool, str], ...] = (
    # --- partner-directed suicidal thoughts ---
    (
        "found dead by the partner",
        r"\b(?:find|finds|found|finding|see|sees) (?:me|my body) (?:dead|gone|hanging|cold|lifeless|like that|in the bath|on the floor|first)\b|\b(?:be the one|is the one|are the one) (?:who|that) finds? (?:me|my body)\b|\bfinds? my body\b|\b(?:has|have|had) to (?:identify|bury) me\b|\b(?:come|comes|get|gets|walk|walks) (?:home|in) and finds? me\b(?! (?:gone|asleep|out|happy|with|having|in (?:the|a) (?:garden|kitchen|bed)))",
        False,
        CLEAR,
    ),
    (
        "a death to make them feel it",
        r"\b(?:dying|death|dead|killing myself|kill myself|my death|me gone|ending it|end it)\b[^.!?]{0,40}\b(?:only way|make (?:him|her|them) (?:see|understand|feel|know|sorry|pay|suffer|regret)|teach (?:him|her|them))\b|\b(?:sorry|regret|pay|suffer|understand|get it|feel (?:it|this|what))\b[^.!?]{0,30}\b(?:if|when|once|after) i(?:'m| am| was| were)? (?:dead|died|kill myself|killed myself|end it|ended it)\b",
        True,
        CLEAR,
    ),
    (
        "partner at my funeral",
        r"\b(?:him|her|them|he|she|they|my (?:husband|wife|partner|ex))\b[^.!?]{0,20}\bat my (?:own )?funeral\b|\bmy (?:own )?funeral\b[^.!?]{0,30}\b(?:him|her|sorry|regret|cry|crying|wish)\b",
        True,
        CLEAR,
    ),
    (
        "if I was gone he would",
        r"\bif i (?:was|were|am|'m) (?:just )?gone\b(?! (?:for|to|on|away|out|all|too|from|by|until|till|before|at|overnight|a (?:week|day|month|while)))(?=[^.!?]*\b(?:he|she|they|him|her|them|everyone|the kids)\b[^.!?]*\b(?:would|will|'d|'ll|have to|finally)\b)",
        True,
        POSSIBLE,
    ),
    (
        "reading my note",
        r"\b(?:read|reads|reading|find|finds|finding|found|imagine|picture)\b[^.!?]{0,20}\bmy (?:last |final |goodbye )?(?:note|letter)\b(?! (?:about|to the|on the|from|for school))",
        True,
        POSSIBLE,
    ),
    (
        "why their parent is gone",
        r"\bwhy (?:their|his|her|your|our) (?:mum|mom|mother|dad|father|mummy|mommy|daddy|mama|papa) (?:isn't|is not|is no longer|died|is gone|is dead|killed)\b(?! (?:living|staying|sleeping|at home|coming|in the house|home))",
        False,
        POSSIBLE,
    ),
    (
        "when he finds me",
        r"\bwhen (?:he|she|they|my (?:husband|wife|partner)) finds? me\b(?! (?:attractive|interesting|boring|out|again|online|on))",
        True,
        POSSIBLE,
    ),
    # --- means without an intent verb ---
    (
        "staring at the means",
        r"\b(?:staring|stare|stared|gazing|gazed)\b[^.!?]{0,15}\bat (?:the |that |a |my |his |her |those )?(?:[\w']+ )?"
        + _MEANS
        + r"\b",
        True,
        CLEAR,
    ),
    (
        "looking at the means",
        r"\b(?:looking|look|looked|keep looking|going back to look|went back to look)\b[^.!?]{0,10}\bat (?:the |that |a |my |his |her |those )?(?:bottle of |box of |packet of )?(?:[\w']+ )?"
        + _MEANS
        + r"\b(?! (?:prescription|dosage|instructions|leaflet|label|for (?:the|my) (?:cough|cold|headache|back)))",
        True,
        POSSIBLE,
    ),
    (
        "lingering with the means",
        r"\b(?:held|holding|hold|looked at|looking at|sat with|sitting with|turned over|kept|stared at)\b[^.!?]{0,30}\b"
        + _MEANS
        + r"\b[^.!?]{0,30}\b(?:for ages|for a long time|for (?:an|about an|almost an|over an|nearly an) hour|for hours|a long time|just to see|all night|in my hand|in my hands)\b",
        True,
        CLEAR,
    ),
    (
        "means hidden near me",
        r"\b(?:knife|blade|razor|rope|pills|tablets|painkillers|gun|noose)\b[^.!?]{0,30}\b(?:bedside|under my pillow|in my (?:bag|pocket|coat pocket|drawer|room|car|glovebox))\b(?![^.!?]*\b(?:for work|for the kids|for protection|scared of (?:him|her)|in case (?:he|she))\b)",
        True,
        POSSIBLE,
    ),
    (
        "stash of pills",
        r"\b(?:stash|stockpile|supply|pocketful|pocket full|bag|envelope|hoard) of (?:[\w']+ ){0,2}(?:pills|tablets|paracetamol|painkillers|sleeping pills|meds|medication)\b|\b(?:pills|tablets|paracetamol|painkillers|meds)\b[^.!?]{0,20}\b(?:in an envelope|hidden|stashed|saved up|squirrelled away|squirreled away)\b",
        True,
        CLEAR,
    ),
    (
        "pills laid out",
        r"\b(?:pills|tablets|painkillers|paracetamol|sleeping pills)\b (?:are |were )?(?:all )?(?:lined up|laid out|counted out|in a row|in rows|in little piles)\b(?![^.!?]*\b(?:dosette|box|organi[sz]er|week|carer|nurse)\b)",
        True,
        POSSIBLE,
    ),
    (
        "how much of the medicine",
        r"\bhow (?:much|many) (?:of )?(?:his|her|their|my|the|mum's|dad's) (?:[\w']+ )?(?:insulin|pills|tablets|meds|medication|sleeping pills|morphine|oxycodone|methadone|painkillers)\b(?=[^.!?]*\b(?:take|would it take|enough|kill|to die|it would take|would do it)\b)(?![^.!?]*\b(?:a day|prescribed|the doctor said|dose for)\b)",
        True,
        CLEAR,
    ),
    (
        "where the gun is kept",
        r"\b(?:know|knew|found out|worked out|found|figured out)\b[^.!?]{0,10}\bwhere (?:he|she|they|my \w+) (?:keeps|hides|kept|hid|stores|stored) (?:the |his |her )?(?:key to the |key for the |keys to the )?(?:gun|guns|rifle|shotgun|pills|tablets|meds|sleeping pills|ammo|ammunition|bullets|gun cabinet|gun safe|gun cupboard)\b",
        True,
        POSSIBLE,
    ),
    (
        "ligature tied",
        r"\b(?:tied|tie|tying|knotted|looped|fixed|hung)\b[^.!?]{0,25}\b(?:belt|rope|cord|scarf|cable|dressing gown cord|sheet|lead)\b[^.!?]{0,25}\b(?:banister|bannister|beam|rail|railing|door ?frame|door handle|loft hatch|hook|tree|pipe|stairs?|staircase)\b(?![^.!?]*\b(?:swing|hammock|washing|tent|boat|tyre|climbing|dog|christmas|lights|decorations?|balloons?|bunting)\b)",
        True,
        CLEAR,
    ),
    (
        "looking over the edge",
        r"\b(?:top floor|top of (?:the|a) (?:multi-?storey|car park|building|tower|cliff|bridge|stairwell)|roof|the edge|the ledge|the railing|the rail|the parapet)\b[^.!?]{0,40}\b(?:looked over|looking over|look over|looked down|looking down|leaned over|leaning over|climbed over|the drop|how high|how far down|how far it was)\b",
        True,
        POSSIBLE,
    ),
    # --- self-injury told by tool and result ---
    (
        "tool to the body",
        r"\b(?:pressed|press|pressing|held|hold|holding|put|putting|ran|run|running|dragged|drag|dug|dig|digging|scraped|scrape|scraping|stubbed|stub|carved|scratched)\b[^.!?]{0,25}\b(?:lighter|cigarette|lit match|match|iron|hot spoon|spoon|hob|flame|candle|blade|razor|compass|scissors|needle|pin|broken glass|glass|knife|wire brush|nails|point|sharpener)\b[^.!?]{0,40}\bmy "
        + _BODY
        + r"\b(?![^.!?]*\b(?:splinter|stitch\w*|sew\w*|blood test|insulin|glucose|injection|jab|doctor|nurse|tattoo|cooking|by accident|accidentally|slipped|nail ?polish|manicure|lotion|cream)\b)",
        True,
        CLEAR,
    ),
    (
        "body harmed until",
        r"\b(?:i|i've|i'd|myself)\b[^.!?]{0,40}\bmy "
        + _BODY
        + r"\b[^.!?]{0,50}\b(?:until|till|til) (?:it |they |the skin |i )?(?:blistered|bled|bleeds|split|broke|went (?:purple|raw|red|numb|white)|was raw|were raw|burned|burnt|bruised|left a mark|scarred|peeled|couldn't feel)\b(?![^.!?]*\b(?:garden\w*|dig\w* the|shovel\w*|rowing|climb\w*|guitar|hike|hiking|shoes|boots|marathon|run|gym|weights|oven|clean\w*|scrub\w* the|wash\w* up|knit\w*|sunburn\w*|sun)\b)",
        True,
        CLEAR,
    ),
    (
        "on purpose to the body",
        r"\b(?:on purpose|deliberately|to feel something|to punish myself|so i could feel|so i would feel)\b(?=[^.!?]*\b(?:my "
        + _BODY
        + r"|hob|iron|lighter|blade|razor|burn\w*|cut\w*|scald\w*|bled|blood)\b)(?![^.!?]*\b(?:him|her|them|his|the (?:car|wall|door|table)|swear\w*|ignor\w*|forgot|late)\b)|\bmy "
        + _BODY
        + r"\b[^.!?]{0,40}\b(?:on purpose|deliberately)\b",
        True,
        CLEAR,
    ),
    (
        "skin split and calm",
        r"\b(?:skin|it) (?:split|broke|opened|tore|bled)\b[^.!?]{0,40}\b(?:calm|relief|better|quiet|release|peace|numb|could breathe)\b|\b(?:the blood|bleeding|the sting|the burn)\b[^.!?]{0,40}\b(?:felt calm|felt better|relief|calmer|quiet in my head|could breathe|felt real)\b",
        True,
        CLEAR,
    ),
    (
        "using a tool on myself",
        r"\b(?:using|used|use|uses) (?:the |a |my )?(?:scissors|blade|razor|lighter|compass|knife|needle|pin|glass|nails|cigarettes?|iron) on (?:my ?self|my "
        + _BODY
        + r")\b",
        True,
        CLEAR,
    ),
    (
        "marks I made",
        r"\b(?:marks?|cuts?|burns?|scars?|bruises?|scratches)\b[^.!?]{0,30}\b(?:i made|i did|i gave myself|made them myself|did (?:it|them|this) (?:to )?myself|self[- ]inflicted)\b",
        True,
        CLEAR,
    ),
)

IMPLIED_DANGER: tuple[tuple[str, str, bool, str], ...] = (
    # --- lethality signs ---
    (
        "weapon shown",
        r"<P><W>(?:put|puts|putting|laid|lays|placed|left|leaves|leaving|keeps|kept|had|has|got out|gets out|took out|takes out|brought out|brings out|showed|shows|showing|waved|waves|waving|cleans|cleaned|cleaning|loaded|loads|loading|sharpened|sharpens|sharpening|polished|polishes|polishing|holding|held|holds|carrying|carries|carried|fiddling with|played with|plays with) (?:[\w']+ ){0,3}?"
        + _WEAPON
        + r"\b(?=[^.!?]*\b(?:argu\w*|fight\w*|rows?|rowing|when i|whenever i|while (?:we|i)|at me|in front of me|look(?:ed|ing|s)? at me|staring|stared|bring up|brought up|mention\w*|affair|divorce|leav\w*|messing|quiet|shut up|silence|said|says|told me|next to me|between us|smil\w*|to me)\b)(?![^.!?]*\b(?:hunting|shooting season|season|fishing|camping|chopping|recipe|dinner|carving the|the joint|the turkey|for work)\b)",
        True,
        CLEAR,
    ),
    (
        "pressure on the neck",
        r"\b(?:hands?|arms?|fingers) (?:was|were|went|came|pressed|pressing|tight|tightened|clamped) (?:around|round|on|against|across|over|into) my (?:neck|throat|windpipe)\b|\b(?:forearm|knee|elbow|foot|boot) (?:\w+ )?(?:around|round|on|against|across|over|into) my (?:neck|throat|windpipe)\b|\b(?:squeezed|squeezing|squeezes|pressed on|pressing on|crushed|grabbed|grabs|gripped) my (?:neck|throat|windpipe)\b|\b(?:choke ?hold|chokehold|headlock|sleeper hold)\b|\bcouldn't (?:get air|breathe|get a breath)\b(?=[^.!?]*\b(?:neck|throat|arm|hands?|pinned|held|pressing|on top of me)\b)",
        True,
        CLEAR,
    ),
    (
        "nobody would find me",
        r"<P><W>(?:said|says|told me|tells me|warned|whispered|texted|wrote|threatened)\b[^.!?]{0,30}\b(?:nobody|no one|noone|no-one) (?:would|will|'d|'ll|could) (?:ever )?(?:find|hear|believe|miss) (?:me|you|my body|your body|us)\b",
        False,
        CLEAR,
    ),
    (
        "veiled threat",
        r"\baccidents happen\b(?=[^.!?]*\b(?:looked (?:right |straight )?at me|looking at me|stared|staring|smil\w*|in that voice|warned|leave|leaving|police|tell anyone|stairs|on the way|to people who)\b)|\b(?:be a shame|be a pity|be terrible|be awful|be sad)\b[^.!?]{0,10}\bif (?:something|anything) (?:happened|were to happen|was to happen) to (?:me|you|us|<KIDS>|your \w+|my \w+)\b|<P><W>(?:said|says|told me|warned|hinted)\b[^.!?]{0,30}\b(?:something|anything) (?:could|might|may) happen to (?:me|you|<KIDS>|us)\b",
        False,
        CLEAR,
    ),
    (
        "harm to a pet",
        r"<P><W>(?:kicked|kicks|kicking|hit|hits|threw|throws|hurt|hurts|strangled|choked|drowned|killed|kills|poisoned|starved|shook|beat|beats|punched|stamped on|stamps on|twisted|strangles|hurled|dumped|got rid of) (?:the|my|our) "
        + _PET
        + r"\b|\bthreaten\w* (?:to )?(?:hurt|kill|drown|poison|get rid of|put down|dump|give away) (?:the|my|our) "
        + _PET
        + r"\b|<P><W>(?:said|says|told me|warned|threatened)\b[^.!?]{0,30}\b(?:hurt|kill|drown|poison|get rid of|put down|dump) (?:the|my|our) "
        + _PET
        + r"\b",
        True,
        CLEAR,
    ),
    (
        "pet gone after talk of leaving",
        r"\b(?:the|my|our) "
        + _PET
        + r"\b[^.!?]{0,20}\b(?:went missing|disappeared|vanished|turned up dead|was found dead|died suddenly|was poisoned|was hurt|came back hurt|was limping)\b[^.!?]{0,60}\b(?:leave|leaving|left|divorce|wanted out|told (?:him|her|them)|said i|police|tell anyone)\b",
        False,
        POSSIBLE,
    ),
    (
        "partner's car outside",
        r"\b(?:his|her|their|my ex'?s|my husband'?s|my wife'?s|my partner'?s) (?:car|van|truck|bike|motorbike)\b[^.!?]{0,25}\b(?:outside|by|near|across from|opposite|at the end of|past) (?:my|the) (?:work|job|office|gym|house|home|flat|place|door|parents'?|mum'?s|mom'?s|friend'?s|sister'?s|brother'?s|school|new place)\b",
        True,
        POSSIBLE,
    ),
    (
        "reckless driving",
        r"<P><W>(?:speeds? up|sped up|speeding|drove|drives|driving|swerv\w*|floored it|floors it|put (?:his|her) foot down|puts (?:his|her) foot down|overtook|overtakes|ran (?:the )?red lights?|runs (?:the )?red lights?)\b(?=[^.!?]*\b(?:kids?|children|scream\w*|terrif\w*|scared|on purpose|to scare me|kill us|take us|crash|cry|crying|cried|begged|with (?:me|us) in)\b)(?=[^.!?]*\b(?:speed\w*|sped|fast|hundred|\d{2,3}|swerv\w*|red lights?|oncoming|wrong side|floored|foot down|recklessly|maniac|crash|on purpose|overt\w*)\b)|\btake (?:us|me|the kids|the children|all of us|everyone) (?:all )?with (?:him|her|them)\b|\b(?:put|drive|crash|wrap|roll|drove|crashed)\b[^.!?]{0,15}\b(?:us|me|the kids|the car|all of us)\b[^.!?]{0,20}\b(?:in a ditch|into a ditch|off the road|into a wall|round a tree|around a tree|into a tree|into the river|off a bridge|into a lorry|into oncoming)\b(?=[^.!?]*\b(?:he|she|they|him|her|said|threat\w*)\b)",
        True,
        CLEAR,
    ),
    # --- control of money and phone without the listed verbs ---
    (
        "account for every penny",
        r"\b(?:have to|has to|had to|must|made to|make me|makes me|made me|forced to|expected to) (?:send|show|give|text|account for|explain|justify|photograph|screenshot)\b[^.!?]{0,25}\b(?:every|each|all (?:my|of my)) (?:receipt|purchase|penny|pound|cent|dollar|text|message|call|minute|transaction|euro)s?\b",
        True,
        CLEAR,
    ),
    (
        "my passwords held",
        r"<P><W>(?:has|knows|keeps|demands|wants|took|needs|insists on having) (?:all )?(?:of )?my (?:passwords?|passcodes?|pins?|logins?)\b",
        True,
        POSSIBLE,
    ),
    (
        "reads everything",
        r"<P><W>(?:reads|checks|goes through|screenshots|forwards|copies)\b[^.!?]{0,10}\b(?:everything|all my|every (?:message|text|email|chat)) (?:i|before i|on my)?\b",
        True,
        CLEAR,
    ),
    (
        "wages into his account",
        r"\bmy (?:wages|salary|pay|paycheck|paycheque|money|benefits|pension|child benefit|earnings)\b[^.!?]{0,20}\b(?:go|goes|went|is paid|are paid|gets paid|get paid|paid) (?:straight |directly )?into (?:his|her|their) (?:account|name|bank)\b|\bi (?:get|am given|'m given|got) (?:only )?(?:\w+ )?(?:pounds|dollars|euros|quid|bucks|\d+) a (?:week|month)\b(?=[^.!?]*\b(?:he|she|they|his|her|their|allowance|allowed)\b)",
        True,
        CLEAR,
    ),
    (
        "phone locked by partner",
        r"<P><W>(?:changes|changed|changing|reset|resets|locks|locked|deleted|deletes|blocked|blocks) (?:the )?(?:passcode|password|pin|lock) (?:on|of|to) my\b|<P><W>(?:changes|changed|changing|reset|resets|locks|locked) my (?:phone )?(?:passcode|password|pin|passwords|email|accounts?)\b",
        True,
        CLEAR,
    ),
    (
        "decides what I spend",
        r"<P><W>(?:decides|decided|controls|controlled|says|tells me) (?:what|how much|when|where|who) i (?:can|may|am allowed to|'m allowed to|get to) (?:spend|buy|eat|wear|see|go|text|talk|call)\b|\b(?:have|had|has|need) to ask (?:(?:him|her|them) )?(?:for |before )?(?:permission|bus fare|money|cash|the car|pocket money|an allowance)\b",
        True,
        CLEAR,
    ),
    (
        "listens to my calls",
        r"<P><W>(?:listens|listened|listening|sits|sat|stands|stood|hovers|hovered|hangs around|hung around)\b[^.!?]{0,30}\b(?:when|while|whenever|every time) i (?:make|take|am on|'m on|talk on|phone|call|text|ring)\w*\b(?=[^.!?]*\b(?:hear|listen|check|read|see|both sides|speaker|every word)\b)|\b(?:makes|made|make) me (?:put|keep) (?:it|the phone|my calls|calls) on speaker\b",
        True,
        CLEAR,
    ),
)

HARM_TO_OTHERS_RULES: tuple[tuple[str, str, bool, str], ...] = (
    (
        "I will hurt them",
        r"\bi(?:'m| am|'ll| will| am going to|'m going to| plan to| am planning to|'m planning to|'ve been planning to| have been planning to| intend to| have decided to|'ve decided to| am gonna|'m gonna| know i will| know i'll)\s+(?:[\w']+ ){0,4}?"
        + _HURT
        + r" "
        + _OTHER_PERSON
        + r"\b|\bif i see (?:her|him|them)\b[^.!?]{0,15}\bi(?:'ll| will| am going to|'m going to)\s+(?:[\w']+ ){0,2}?"
        + _HURT
        + r"\b",
        True,
        CLEAR,
    ),
    (
        "I want to hurt them",
        r"\bi(?: really| just)? (?:want|wanna|wish i could|would love|'d love|need|keep wanting|keep thinking about|fantasi[sz]e about|dream about|think about|imagine|picture)(?: to)? (?:[\w']+ ){0,3}?(?:"
        + _HURT
        + r"|"
        + _HURTING
        + r") "
        + _OTHER_PERSON
        + r"\b(?! (?:with (?:the truth|words|kindness|my words|my success|silence)|emotionally|back emotionally|the way (?:he|she|they) hurt me|like (?:he|she|they) hurt me|as much as))",
        True,
        POSSIBLE,
    ),
    (
        "physically, properly",
        r"\bi\b[^.!?]{0,20}\b(?:want|wanna|going to|will|'ll|need)\b[^.!?]{0,10}\b(?:hurt|hit|beat|batter|make)\b[^.!?]{0,25}\b(?:physically|properly|with my (?:fists|hands)|bleed|so (?:he|she|they) can't walk|in hospital|put (?:her|him|them) in hospital|black and blue)\b|\bi\b[^.!?]{0,20}\b(?:want|wanna|going to|will|'ll)\b[^.!?]{0,10}\bmake (?:her|him|them) bleed\b",
        True,
        CLEAR,
    ),
    (
        "armed near them",
        r"\bi (?:bought|got|have|took|brought|carry|carried|carrying|keep|kept|sharpened|hid|hide|packed)\b[^.!?]{0,20}\b(?:a |the |my )?(?:knife|gun|bat|baseball bat|hammer|crowbar|acid|petrol)\b[^.!?]{0,50}\b(?:use|using|used|try|trying) (?:it|them) on (?:her|him|them)\b|\b(?:outside|near|at|by) (?:her|his|their) (?:house|flat|home|work|place|door|gym|car)\b[^.!?]{0,40}\b(?:knife|bat|gun|hammer|crowbar|petrol|acid|weapon)\b|\b(?:knife|bat|gun|hammer|crowbar|petrol|acid|weapon)\b[^.!?]{0,40}\b(?:outside|near|to) (?:her|his|their) (?:house|flat|home|work|place|door|gym)\b",
        True,
        CLEAR,
    ),
    (
        "getting them alone",
        r"\b(?:plan\w*|work\w* out|worked out|figur\w* out|think\w* about|wait\w* for|know)\b[^.!?]{0,25}\b(?:get|catch|find|corner) (?:her|him|them) (?:on (?:her|his|their) own|alone|by (?:herself|himself|themselves))\b(?![^.!?]*\b(?:talk|ask|speak|apologi\w*|explain|tell|chat|conversation|sort (?:it|this) out)\b)|\b(?:worked out|found out|know|learned|figured out|watch\w*|clocked)\b[^.!?]{0,10}\b(?:when|where|what time) (?:she|he|they) (?:leaves|goes|gets|arrives|is alone|parks|walks|finishes)\b[^.!?]{0,40}\b(?:waiting|wait for|be there|get (?:her|him|them)|catch (?:her|him|them)|alone|on (?:her|his|their) own)\b(?![^.!?]*\b(?:talk|ask|speak|explain|pick (?:her|him|them) up|collect)\b)",
        True,
        CLEAR,
    ),
    (
        "thinking of running them over",
        r"\b(?:think\w*|dream\w*|fantasi[sz]\w*|imagin\w*|pictur\w*)\b[^.!?]{0,15}\b(?:running (?:her|him|them) over|hitting (?:her|him|them) with (?:the|my) car|pushing (?:her|him|them) (?:down|off|under|in front))\b",
        True,
        POSSIBLE,
    ),
    (
        "I hurt them",
        r"\bi (?:shoved|pushed|hit|punched|slapped|kicked|stabbed|strangled|choked|threw|bit|scratched|attacked|beat|headbutted|hurt|grabbed) "
        + _OTHER_PERSON
        + r"\b(?! (?:with (?:the truth|words|my words|a question|questions|an ultimatum)|emotionally|up on|back with|a text|an email|up\b|off (?:the|my) (?:sofa|bed|chair)))(?=[^.!?]*\b(?:again|not sorry|stairs|until|till|knife|bled|blood|bleed|harder|scared i|afraid i|worried i|do it again|floor|wall|hospital|couldn't stop|lost control)\b)",
        True,
        CLEAR,
    ),
    (
        "I hit them (once)",
        r"\bi (?:punched|strangled|choked|headbutted|attacked|beat|stabbed) (?:him|her|them|my (?:husband|wife|partner|ex|boyfriend|girlfriend)|the (?:ow|om|ap|other woman|other man))\b(?! (?:with (?:the truth|words|my words|a question|questions|an ultimatum|the evidence|the facts)|emotionally|up on|back with|a text|an email|up\b|off (?:the|my) (?:sofa|bed|chair)|on (?:the )?(?:arm|shoulder) (?:playfully|jokingly)))",
        True,
        POSSIBLE,
    ),
)
