# ruff: noqa: E501  (a table of regular expressions: one rule per entry reads better than wrapped)
"""The safety screen's rules for danger from the partner (the table only; see
safety_patterns for the macros <P>, <W>, <ME>, <KIDS> and how rules are compiled).

Danger means danger to the writer: violence, strangling, threats (to kill, to take the
children, to share images), weapons and intimidation, forced sex, monitoring of the
writer's phone or location, stalking, and control of money, movement and friends.
"""

from __future__ import annotations

_MODAL = (
    r"(?:will|would|is going to|was going to|is gonna|wants to|wanted to|tried to|could|might|"
    r"going to|gonna|threatened to|threatens to|promised to|swore to|one day will)"
)
_SAID = (
    r"(?:said|says|told me|tells me|swore|swears|promised|warned me|warns me|texted|screamed|"
    r"yelled|shouted|threatened|keeps saying|kept saying|wrote)"
)
_ALLOWED_SEE = (
    r"(?:see|talk to|speak to|call|text|visit|meet) (?:my |any of my |anyone|anybody|friends|family)"
    r"|go (?:out|anywhere|to work|to the doctor|to church|to my)|leave(?! him| her| them)|work|drive|sleep|eat"
    r"|have (?:a|my|any) (?:phone|money|car|key|keys|friends|job|bank)|have money|get a job"
    r"|use (?:the|my) (?:car|phone|money)|out of (?:the house|his sight|her sight|the room)"
)

DANGER_RULES: tuple[tuple[str, str, bool], ...] = (
    # --- physical violence ---
    (
        "violence to me",
        r"\b(?:slapped|slaps|slapping|punched|punches|punching|shoved|shoves|shoving|strangled|strangles|strangling|choked|chokes|choking|smacked|smacks|backhanded|headbutted|elbowed|throttled|throttles|spat on|spit on|dragged|drags|pinned|pins|restrained|beat|beats|beating|beaten|hurled|raped|rapes|assaulted|assaults|attacked|attacks|burned|burnt|bruised|twisted) (?:<ME>|me\b)(?! (?:up|off|to it|to the|at (?:chess|cards|scrabble|tennis|golf|pool|darts|games|the game)|in (?:chess|cards|the race|the argument|every argument|a game|an argument)|with (?:words|his words|her words|questions|facts|guilt|the truth|the news|excuses|apologies|compliments|kindness|love|sarcasm)|verbally|back to|into (?:submission|going|agreeing)|emotionally))|\b(?:kicked|kicks|kicking) (?:<ME>|me\b)(?! (?:out|off|under the table))",
        True,
    ),
    (
        "hit me",
        r"<P><W>(?:hit|hits|hitting|physically hurt|pushed|pushes|pushing|grabbed|grabs|grabbing|threw|throws|shook|shakes|shaking|squeezed|squeezes|slammed|slams|bit|bites|biting|scratched|scratches|kicked|kicks) (?:<ME>|me)(?! (?:up|with (?!(?:a|his|her|the|an|my) (?:belt|fist|hand|bottle|phone|shoe|open hand|stick|bat|pan|lamp|remote|glass|plate|mug|chair|book|cord|cable|hanger|bag))|to (?:go|try|see|do|get|be|talk|open|forgive|move|decide|make|stay|leave|start|join|look|think|reconcile|answer)|away|off|out|too|over the edge|into (?:therapy|counsel\w*|forgiv\w*|reconcil\w*|a decision|deciding|making|trusting|going|staying|talking)|for (?:answers|details|a decision|more|an answer|time)|towards?|out of my comfort|a (?:coffee|drink|plate|sandwich|lifeline|curveball|bone|look|surprise|party)|some|lunch|dinner|coffee|emotionally|deeply|so (?:much|badly|deeply) (?:with|by|when)|more than|by (?:lying|cheating|sleeping|going|having|keeping|telling|saying|not)|again (?:with|by)|so badly with|badly with|in (?:ways|so many ways)))",
        True,
    ),
    (
        "hands on neck",
        r"\b(?:hands?|arm|fingers) (?:around|round|on|to|against|across|over) my (?:neck|throat|mouth)\b|\bcouldn't breathe\b(?=.*\b(?:he|she|his|her|hands?|held|pinned|neck|throat)\b)",
        True,
    ),
    (
        "violence passive",
        r"\b(?:i|i've|i have|i'd|i had|i was|i got|been|i'm|i am)(?: been| was| got| being| getting)? (?:hit|slapped|punched|kicked|choked|strangled|beaten|beaten up|raped|assaulted|shoved|pushed|thrown|attacked|threatened|stalked|followed|tracked|hurt|bitten|strangled) (?:again )?by (?:him|her|them|my|the|<P>)",
        True,
    ),
    (
        "violent partner",
        r"<P><W>(?:is|was|gets|got|has been|turned|became|can be|becomes|getting|is getting|is been|is become|is always been|has always been|is so)(?: so| very| really| more| physically| very physically)? (?:violent|abusive|dangerous|physical with me|rough with me|aggressive with me)\b|\bdomestic (?:violence|abuse)\b|\b(?:abuses|abused|abusing) me\b",
        True,
    ),
    (
        "injuries",
        r"\b(?:left|leaves|gave me|give me)(?: me)? (?:a )?(?:bruises?|marks?|a black eye|black eyes|a split lip|welts|scratches|a bloody nose|a fat lip)\b|\b(?:bruises?|marks?|fingerprints?|handprints?) (?:on|around|all over) my (?:arms?|neck|throat|wrists?|face|legs?|body|back|ribs|chest)\b(?! from (?:the|a|my) (?:hike|gym|fall|coffee table|garden|climb))|\b(?:a|my) (?:black eye|split lip|bloody nose)\b",
        True,
    ),
    # --- weapons and intimidation ---
    (
        "weapon",
        r"<P><W>(?:has|got|keeps|bought|pulled|held|holds|pointed|points|waved|waves|showed me|grabbed|brought|loaded|mentioned|brought up|reached for|threatened me with) (?:a |his |her |the |out a |out his |out her )?(?:gun|knife|knives|rifle|pistol|shotgun|weapon|firearm|blade)\b(?=.*\b(?:me|my|i|fight|argument|shouting|screaming|yelling|angry|drunk|threat\w*)\b)|\b(?:gun|knife|blade|rifle|pistol) (?:to|at|against) my (?:head|throat|chest|face|neck)\b|\bpointed (?:a|his|her|the) (?:gun|knife|rifle|pistol) at\b",
        True,
    ),
    (
        "intimidation",
        r"<P><W>(?:punched|punches|kicked|kicks|smashed|smashes|broke|breaks|put (?:his|her|their) fist through|slammed|slams|threw|throws|hurled) (?:a |the |another |my |our )?(?:hole in the |hole through the )?(?:walls?|doors?|window|windows|windscreen|dashboard|mirror|tv|phone|laptop|things|stuff|glass|plate|plates|mug|chair|furniture)\b(?=.*\b(?:me|my|i|scared|afraid|terrified|next to|near|at me|beside)\b)|\bthrew (?:a |the |his |her |my )?[\w]+ (?:\w+ )?at (?:me|my head|my face)\b|\b(?:screamed|yelled|shouted|spat|roared) (?:right )?in my face\b|<P><W>(?:got|gets|getting|was|stuck|put (?:his|her) face) (?:right )?in my face\b|<P><W>(?:blocked|blocks|blocking|stood in) (?:the )?(?:door|doorway|exit|way)\b|<P><W>(?:broke|breaks|broken|has broken) (?:in|into (?:my|the|our) (?:house|flat|home|apartment|place|car))\b|\b(?:cornered|cornering|trapped|traps) me\b|<P><W>(?:broke|kicked|kicks|broken) (?:down |in )?(?:the|my) (?:door|bedroom door|bathroom door)\b|<P><W>(?:stood|stands|standing|loomed|looms) over me\b|\b(?:fist|fists|hand) raised\b",
        True,
    ),
    # --- threats ---
    (
        "threats",
        r"\b(?:threaten|threatened|threatens|threatening|threats?)(?: me)?(?: again| (?:to|that (?:he|she|they) (?:will|would)))? (?:to )?(?:kill|hurt|harm|shoot|stab|burn|beat|strangle|choke|end|destroy|break|get|finish) (?:me|my|us|you|them|<KIDS>|the house|my (?:family|mum|mom|dad|face|car|sister|life|dog|cat))\b|\bthreaten(?:ed|s|ing)? me\b(?! with (?:divorce|leaving|a lawyer|counsel\w*|therapy))|\b(?:death|violent) threats?\b",
        True,
    ),
    (
        "said he'd kill me",
        r"<P><W>(?:"
        + _SAID
        + r" (?:that )?(?:(?:he|she|they) )?)?"
        + _MODAL
        + r" (?:\w+ )?(?:kill|murder|hurt|harm|strangle|shoot|stab|end|break|beat|bury|finish|burn) (?:me|<KIDS>|us|them|my (?:family|neck|face|legs|parents|mum|mom|sister|brother|friends))\b(?! (?:with (?:kindness|boredom|his|her|the|a look)|slowly with|by (?:lying|leaving|cheating|worrying|talking|not)|emotionally|in (?:court|the divorce)))",
        True,
    ),
    (
        "regret it",
        r"<P><W>"
        + _SAID
        + r"\b.{0,30}\b(?:regret it|be sorry|pay for (?:it|this|that)|be next|end up like|never (?:find|see) (?:me|my body)|find my body|leave (?:this house )?alive)\b|\b(?:never|not) leave (?:this|the) (?:house|place|room) alive\b|\bfind my body\b",
        False,
    ),
    (
        "take the kids",
        r"\bthreaten\w* (?:to )?(?:\w+ ){0,2}(?:take|taking|keep|hide|run off with|run away with|disappear with) <KIDS>|\b(?:"
        + _SAID
        + r"|warned|will|would|going to|gonna|make sure)(?: that)?(?: (?:he|she|they) (?:will|would|is going to))? (?:\w+ ){0,3}(?:take|taking|took|keep|hide|run off with|run away with|disappear with) (?:<KIDS>)(?: away)?(?: from me| and (?:leave|run|disappear|go)| and i would never| and i will never| so i would never| so i will never| and i'd never| and i'll never| abroad| out of the country| where i will never| so i will never| forever| for good| and never)\b|\bnever see <KIDS> again\b|\bmake sure i never see <KIDS>",
        False,
    ),
    (
        "self-harm threat as control",
        r"\b(?:threaten\w*|said|says|swore|swears|told me|tells me)(?: that)? (?:(?:he|she|they) (?:will|would|is going to) )?(?:to )?(?:kill|hurt|end) (?:himself|herself|themselves|his life|her life|their life)\b(?=.*\b(?:if i|unless i|when i|should i|before i|leave|tell|go|divorce|call)\b)|\b(?:his|her|their) (?:suicide|self-harm) threats?\b|\bthreaten\w* (?:suicide|self-harm)\b|\bthreatens? to (?:hurt|kill) (?:himself|herself|themselves) (?:whenever|every time|when|if) i\b",
        True,
    ),
    (
        "image threats",
        r"\b(?:threaten\w*|said (?:he|she|they) (?:will|would)|going to|will) (?:to )?(?:post|share|send|release|leak|show|put up|upload) (?:my |the |our |those |intimate |private )?(?:nudes|photos|pictures|pics|videos|tapes|sex tape|intimate images)\b",
        True,
    ),
    (
        "burn it down with me",
        r"\b(?:burn|burned|set fire to|torch|drive|crash|blow up)\b.{0,40}\bwith (?:me|us|<KIDS>) (?:still )?(?:in it|in there|inside|in the car|in the house|in the back)\b",
        True,
    ),
    (
        "he'll snap",
        r"\b(?:he|she|they) (?:will|is going to|might|could|is gonna) (?:\w+ )?(?:snap|lose it|lose control|explode)\b(?=.*\b(?:deserve|hurt|scared|afraid|terrified|hit|kill|me)\b)|\bi (?:will|would|'ll|'d) deserve (?:it|whatever|what i get|what happens|whatever happens)\b",
        True,
    ),
    # --- sexual coercion ---
    (
        "forced sex",
        r"\b(?:forced|forces|forcing|made|makes|pressured|pressures|coerced|coerces|guilted|bullied) (?:me|himself on me|herself on me) (?:into |to )?(?:have sex|having sex|sex|sleep with|sleeping with|do (?:it|things|sexual)|doing (?:it|things|sexual)|perform|bed)\b|\bforced (?:himself|herself) (?:on|onto) me\b|\b(?:rape|raped|raping|sexual assault|sexually assaulted)\b(?! (?:culture|scene|statistics|case|trial|joke|kit|in the news|crisis centre))",
        True,
    ),
    (
        "didn't stop when I said no",
        r"\b(?:said|told (?:him|her|them)|kept saying|begged (?:him|her|them) to|asked (?:him|her|them) to|was crying|cried) (?:no|stop|to stop|not to)\b.{0,60}\b(?:kept going|did it anyway|didn't stop|wouldn't stop|went ahead|anyway|carried on|held me|pinned|forced|finished)\b|<P><W>(?:had sex with|has sex with|touched|touches|did it to|does things to) me (?:while|when) i(?: was| am|'m| am) (?:asleep|sleeping|passed out|drunk|unconscious|crying|saying no)\b|\bsex (?:that )?i (?:didn't|did not|never) (?:want|agree to|consent to)\b|\bwithout my consent\b|\b(?:never|didn't|did not|don't|do not) (?:agree|agreed|consent|consented|say yes|said yes) to (?:it|that|this|any of it|what (?:he|she) does)\b(?=.*\b(?:bed|sex|touch\w*|body|night)\b)|\b(?:bed|sex|touch\w*|body)\b.{0,60}\b(?:never|didn't|did not|don't|do not) (?:agree|agreed|consent|consented|say yes|said yes) to (?:it|that|this|any of it)\b|\bwoke up (?:with|to) (?:him|her) (?:on top of me|touching me|inside me)\b|\b(?:hand|hands) over my mouth\b",
        False,
    ),
    # --- broad cues (round 3): partner + harm verb + me, threats of harm, fear of them ---
    (
        "partner harms me",
        r"<P><W>(?:grabbed|grabs|shoved|shoves|threw|throws|pushed|pushes|slapped|slaps|punched|punches|kicked|kicks|hit|hits|choked|chokes|strangled|held|holds|pinned|dragged|drags|shook|shakes|squeezed|twisted|bit|burned|spat at|hurled) (?:me|my \w+)\b[^.!?]{0,40}\b(?:face|hair|throat|neck|wall|floor|ground|bed|car|stairs|there|down|hard|bruise\w*|marks?|bled|bleeding|blood|pregnant|stomach|head|arm|ribs)\b",
        True,
    ),
    (
        "threat of harm",
        r"<P><W>(?:said|says|told me|tells me|threatened|threatens|warned|warns|texted|swore)\b[^.!?]{0,40}\b(?:make me sorry|make me pay|hurt me|kill me|end me|knows people|could hurt|would hurt|will hurt|regret it|be sorry|take (?:the|my|our) (?:kids|children))\b|\bthreatened (?:me )?with (?:a |the |his |her )?(?:knife|gun|kitchen knife|weapon|bat|hammer)\b|\bthreatened to kill me\b",
        True,
    ),
    (
        "fear of partner",
        r"\b(?:afraid|scared|terrified|frightened)(?: of)? (?:my (?:husband|wife|partner|boyfriend|girlfriend|ex|spouse)|him|her) (?:when|if|after)\b|\b(?:afraid|scared|terrified|frightened) of my (?:husband|wife|partner|boyfriend|girlfriend|ex|spouse)\b|\b(?:don't|do not|dont) feel safe (?:with|around|near) (?:him|her|them|my \w+)\b",
        True,
    ),
    (
        "control of movement",
        r"<P><W>(?:won't|doesn't|does not|wouldn't|never) (?:let|allow) me (?:to )?(?:leave|go)(?: out of)? (?:the house|home|alone|without (?:him|her))\b|<P><W>(?:takes|took|takes away|took away|keeps|kept) (?:away )?my (?:phone|bank cards?|cards|money|keys|passport)\b|<P><W>(?:locks|locked) me out\b|\bgives me (?:cash|money) only when\b",
        False,
    ),
    (
        "partner coerced sex",
        r"<P><W>(?:made|makes|forced|forces|pressured|pressures) me (?:to )?(?:have sex|sleep with|do it)\b|\b(?:made|makes|forced|forces) me have sex\b",
        False,
    ),
    (
        "unwanted presence",
        r"<P><W>(?:keeps|kept|has been|is|was) (?:turning up|showing up|waiting|following me|sitting|parking)\b[^.!?]{0,30}\b(?:my|me|home|work|car|station|outside)\b",
        True,
    ),
    (
        "spyware installed",
        r"<P><W>(?:installed|put|added|set up|hid|placed)\b[^.!?]{0,30}\b(?:tracking|tracker|spy|spyware|stalkerware|app|gps|camera|airtag)\b[^.!?]{0,30}\bmy (?:phone|car|laptop|computer|bag)\b|<P><W>(?:reads|read|checks|goes through|monitors) my (?:messages|texts|emails?|phone)\b",
        True,
    ),
    # --- monitoring, stalking, tracking ---
    (
        "monitoring",
        r"<P><W>(?:tracks?|tracking|tracked|reads?|reading|checks?|checking|checked|goes through|going through|went through|gone through|monitors?|monitoring|monitored|watches|watching|watched|spies on|spying on|spied on|listens to|listening to|recorded|records|recording|hacked|hacks|hacking|logs into|logged into|logging into|broke into|breaks into|has access to|accessed|changed|changes|controls|demands|demanded|smashed|confiscated|confiscates|bugged) (?:all |every (?:one of )?)?(?:of )?(?:the (?:mileage|location|history|messages|texts|calls) (?:on|of|in) )?my (?:things|stuff|bag|purse|drawers|belongings|phone|location|texts|messages|emails?|email account|calls|call log|car|laptop|computer|accounts?|browser history|social media|whatsapp|facebook|instagram|icloud|every move|passwords?|mail|dms|bank account|search history|mileage|receipts|journal|diary)\b|<P><W>(?:monitors|monitored|tracks|tracked|watches|records|recorded|checks) (?:everything|every(?:thing)? i (?:do|say|type|write|buy|spend))\b",
        True,
    ),
    (
        "spyware on my things",
        r"<P><W>(?:installed|put|hid|placed|attached|stuck|taped|planted|set up|hooked up) (?:[\w-]+ ){0,3}(?:on|in|under|into|to) (?:my|the) (?:phone|car|bag|purse|laptop|computer|bedroom|room|coat|keys|house|tablet)\b(?=.*\b(?:knows|know|watch|watches|track|tracks|listen|listens|see|sees|spy|spies|app|camera|tracker|gps|record)\w*\b)|\b(?:spyware|stalkerware|tracking app|tracker|air ?tag|gps tracker|gps|hidden camera|hidden cameras|keylogger|spy app|listening device)\b.{0,40}\b(?:on|in|under) my (?:phone|car|bag|purse|laptop|computer|coat|jacket|keys|bedroom|room)\b|\b(?:found|find|discovered|there's|there is|there was) (?:an? |his |her )?(?:spyware|stalkerware|tracking app|tracker|air ?tag|gps tracker|hidden camera|keylogger|spy app|listening device|cameras?)\b(?=.*\bmy\b)|\b(?:air ?tag|tracker|gps tracker)\b.{0,30}\b(?:taped|hidden|stuck|attached)\b.{0,20}\bmy\b",
        True,
    ),
    (
        "hand over my phone",
        r"\b(?:made|makes|forced|forces|demanded|demands|insists|insisted|orders|ordered) (?:me )?(?:to )?(?:hand over|give (?:him|her|them)|show (?:him|her|them)|unlock|share|turn over|surrender|turn on|send) (?:all )?my (?:phone|passwords?|passcode|pin|location|live location|gps|accounts?|bank|messages|texts)\b",
        True,
    ),
    (
        "knows where I am",
        r"<P><W>(?:always knows|knows exactly|somehow knows|knew exactly|always knew) where i (?:am|was|go|went)\b|\bdemand\w* to know where i (?:am|was|go|have been)\b",
        True,
    ),
    (
        "stalking",
        r"<P><W>(?:follows|followed|following|stalks|stalked|stalking|tails|tailed) me\b(?! (?:on (?:instagram|twitter|facebook|tiktok|social|socials)|back|online|into (?:the )?(?:kitchen|room|bedroom)))|<P><W>(?:showed up|shows up|showing up|turned up|turns up|keeps showing up|waits|waited|waiting|parks|parked|sits|sat|was sitting|drives past|drove past|driving past|keeps driving past|lurking|lurks) (?:again )?(?:parked )?(?:(?:at|outside|by|near|past|in front of|round|around) )?(?:my|our old|the) (?:work|job|office|gym|house|home|apartment|flat|place|door|car|parents'?|mum's|mom's|friend's|sister's|kids' school|school|new place|new flat|new house|hotel)\b(?! (?:with (?:flowers|lunch|coffee|a gift|the kids)|to (?:drop off|pick up|apologi[sz]e|bring)))|\bwon't (?:leave me alone|stop following me|stop showing up)\b|\b(?:got|get|filed|file|applied for|apply for|granted|served|violated|breached|broke|need|have) (?:a |an |the |his |her |my )?(?:restraining|protection|protective|non-molestation) order\b|\b(?:restraining|protection|protective|non-molestation) order against\b",
        True,
    ),
    # --- control: isolation, money, movement ---
    (
        "won't let me",
        r"<P><W>(?:won't|wont|doesn't|does not|never|didn't|wouldn't|refuses to|refused to) (?:let|allow) me (?:to )?(?:"
        + _ALLOWED_SEE
        + r")\b",
        True,
    ),
    (
        "not allowed",
        r"\bi(?:'m| am) not allowed to (?:leave|go|see|talk|speak|call|work|have|drive|visit|spend)\b|\b(?:isn't|is not) allowed to (?:leave|have a phone)\b|\b(?:who|where|when|what) i(?:'m| am) (?:allowed|permitted) to\b|<P><W>(?:tells|told|decides|decided) (?:me )?(?:what (?:to wear|i can wear|i wear)|who i (?:can|may) (?:see|talk|text)|where i (?:can|may) go)\b",
        True,
    ),
    (
        "takes my things",
        r"<P><W>(?:took|takes|taking|hid|hides|hiding|kept|keeps|confiscated|confiscates|destroyed|destroys|cut up) (?:away )?my (?:keys|car keys|phone|passport|wallet|cards|bank cards?|credit cards?|money|id|documents|paycheck|wages|medication|meds|glasses)\b(?! (?:to|for) (?:the|be|get|a)\b)",
        True,
    ),
    (
        "money control",
        r"<P><W>(?:controls|controlled|took control of|takes|took|has taken) (?:all |all of )?(?:the|my|our) (?:money|finances|bank accounts?|accounts|credit cards|paycheck|wages)\b(?=.*\b(?:me|i|allowance|permission|ask|let)\b)|<P><W>(?:gives|gave) me an allowance\b|\b(?:have|had|need) to (?:ask|beg) (?:him|her|them) (?:for|before i spend) (?:money|every|any)\b|<P><W>cut me off from (?:the|my|our) (?:money|accounts|bank|cards|family|friends)\b|\bexplain every (?:receipt|purchase|penny|cent|dollar)\b",
        True,
    ),
    (
        "locked in",
        r"<P><W>(?:locked|locks|locking|shut|shuts) me (?:in|out|inside|outside)\b|\bi (?:locked|lock|hid|hide|barricaded|had to lock|had to hide) (?:myself )?(?:in|inside) (?:the|my|a) (?:bathroom|bedroom|room|car|closet|wardrobe|cupboard)\b(?=.*\b(?:him|her|he|she|they|them|until|scared|afraid|safe)\b)(?!.*\b(?:cry|cried|crying|kids couldn't hear|to think|for some peace)\b)",
        True,
    ),
    (
        "isolation",
        r"<P><W>(?:cut|cuts|cutting|keeps|kept|isolat\w+|stops|stopped|stopping) me (?:off )?(?:from|away from) (?:seeing |talking to |my |all my |every )?(?:friends|family|sister|mum|mom|parents|brother|everyone|support)\b",
        True,
    ),
    (
        "sleep deprivation",
        r"<P><W>(?:wakes|woke|keeps|kept) me (?:up )?(?:at night |every night |all night )?(?:to (?:interrogate|question|yell at|scream at|accuse)|awake (?:all night|for hours))\b|<P><W>(?:won't|doesn't|wouldn't) let me sleep\b",
        True,
    ),
    # --- fear and safety ---
    (
        "afraid of partner",
        r"\b(?:afraid|scared|terrified|frightened|fearful) (?:of|for) (?:him|her|them|my life|my safety|my (?:own )?safety|my kids'? safety|what (?:he|she|they) (?:will|would|might|could|is going to) do(?! to (?:himself|herself|themselves|the house)))\b(?! (?:leaving|going|finding|cheating|lying|seeing|choosing|being|not|getting|relapsing|doing it again|moving on|falling|loving|forgetting|texting|contacting|meeting|talking to|hearing|wanting|meaning|changing his mind|changing her mind|forgiving|dying|getting sick))",
        True,
    ),
    (
        "afraid he'll hurt me",
        r"\b(?:afraid|scared|terrified|frightened|worried|fear|worry)(?: that)? (?:he|she|they|<P>) (?:will|might|would|could|is going to|may)(?: \w+)? (?:hurt|kill|hit|harm|strangle|take <KIDS>|come after|come for|find me|snap|lose it with me|do something to (?:me|<KIDS>|us))\b|\b(?:afraid|scared|terrified|frightened)(?: that)? (?:he|she|they|<P>) is going to kill me\b",
        True,
    ),
    (
        "not safe",
        r"\bi (?:don't|do not|dont|no longer|never|can't) feel safe\b(?! (?:trusting|telling|believing|opening|letting|being vulnerable|sharing|talking about|in (?:the|this) (?:marriage|relationship) emotionally))|\bi'?m not safe\b(?! (?:from|with|around) myself| (?:to|from) (?:relapse|temptation))|\b(?:not safe|unsafe) (?:for me )?(?:to go home|at home|in (?:my|our|this|the) (?:own )?(?:home|house))\b|\b(?:scared|afraid|terrified) to (?:go home|go back home|be alone with (?:him|her|them)|fall asleep next to (?:him|her))\b|\b(?:hiding|hid|hide) from (?:him|her|them|<P>)\b|\bwalking on eggshells so (?:he|she|they) (?:won't|doesn't|don't) (?:hit|hurt|explode)\b|\bi'?m in danger\b|\bat (?:the|a) (?:shelter|refuge|safe house)\b",
        True,
    ),
)
