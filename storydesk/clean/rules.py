"""What noise looks like: line patterns, each tied to a `removed` kind.

Patterns are written for whole lines (or line starts) of scraped text, never for words inside a
sentence, so a body sentence that merely mentions "newsletter" or "video" is not touched. Each
pattern has a word limit: a line longer than that is prose and is kept whatever it starts with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

try:  # private modules, read to know what text a rule's matches must hold (`needed_text`); a later
    # Python may move them: then no rule is skipped, only slower
    import re._parser as regex_parser
    from re._constants import (
        ASSERT,
        ATOMIC_GROUP,
        BRANCH,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover
    regex_parser = None


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    max_words: int  # longer lines are body prose, not this kind of noise


def _rule(kind: str, regex: str, max_words: int = 30) -> Rule:
    return Rule(kind, re.compile(regex, re.I), max_words)


# A comment box's policy, first thing in it: "Comments are moderated ...", "ATENÇÃO: Comentários com textos
# ininteligíveis ... não serão aprovados pelo moderador." (aeb tune cc03dd). "Comments" opens the line, after a
# label at most: a body sentence about comments, or a request inside the article ("As you comment, please be
# respectful ..."), says more first.
COMMENT_POLICY = re.compile(
    r"^(\W*\w+\W+)?(comments|comentários|comentarios)\b.{0,100}"
    r"\b(moderat\w*|moderador\w*|respectful|respeito|respeto|community guidelines|aprovados|aprobados)\b", re.I)

# A lone label over a post's tags or topics; the line under it is the list of them.
TAGS_LABEL = re.compile(r"^(tags?|topics|filed under|categories|keywords|marcadores|etiquetas|schlagworte)$", re.I)

# Order matters only for the kind reported when two rules match; the first wins.
RULES: tuple[Rule, ...] = (
    # Video players and their teasers.
    _rule("video", r"^(click to play( video)?|watch( the)? video|watch|video|play video|now playing|"
                   r"up next|replay|video (player|unavailable))\b\s*[:\-–—|]", 40),
    _rule("video", r"^(click to (play|watch|expand)|watch (now|live|more|the full)|"
                   r"(this|the) video (is (no longer|not|currently|unavailable|copyright)|will (begin|play|start))|"
                   r"your browser does not support)", 25),
    _rule("video", r"^(\d{1,2}:\d{2}|video|watch|play)$", 2),
    # Video links in a row: "Watch the report | Uncut video from the Coast Guard rescue" (third sample ta164 d2).
    _rule("video", r"^watch (the )?(report|video|interview|clip|footage)\s*\|", 20),
    _rule("video", r"^play facebook$", 2),  # NBC's player chrome (Multi-News ta104 d2, ta228 d2)
    _rule("video", r"^\d{1,2}:\d{2}\s*$", 2),
    _rule("video", r"^(you['’]?ll need an html5|please (turn on|enable) javascript|media requires javascript)", 25),
    # Video player chrome run into the video's description (Gannett sites): "CLOSE Skip in Skip x
    # Embed x Share <description> (credit) Wochit", or "CLOSE <description> (date) AP". The word
    # CLOSE in capitals, then a sentence in mixed case: a sentence in capitals ("CLOSE TO 300...")
    # or "Close to 300" is not it.
    _rule("video", r"^(close\s+)?skip in skip\b.{0,10}\bembed\b", 200),
    _rule("video", r"^(?-i:CLOSE) (?-i:[A-Z][a-z'’]+(-[a-z]+)?|[A-Z]{2,5}'s|[A-Z]\.)\s", 120),
    _rule("video", r"\bautoplay autoplay\b|\bcopy this code to your (website|blog|site)\b", 60),
    _rule("video", r"\(\d{1,2}:\d{2}\)$", 20),  # a video's title with its length: "... (3:05)"
    # CNN's video teaser run into one line (`EMBEDDED_VIDEO`).
    _rule("video", r"^(?-i:JUST WATCHED) .{1,200}\b(?-i:MUST WATCH)\b", 60),
    # The BBC's notice where its player would be, run into the video's caption (Multi-News ta020, ta026, ta027).
    _rule("video", r"^media playback is (unsupported|not supported) on your device\b", 60),
    # Advertising.
    _rule("advert", r"^(story|article|text) continue[sd]? (below|after)\b", 12),
    _rule("advert", r"^(advertisement|advertising|advert|anzeige|publicidade|publicidad|publicité|pubblicità|sponsored( content| links?| stories)?|sponsored by .{1,40}|"
                    r"promoted( content| stories| links?)?|paid (content|partner|post)|ad feedback|"
                    r"continue reading( below| the main story)?|skip (this )?ad|partner content|ads? by \w+|"
                    r"report this ad)\W*$", 8),  # WordPress's "report this ad" (Multi-News ta040 d2)
    _rule("advert", r"^advertisement\b(?!.*\.$)", 8),  # "Advertisement Continue reading the main story"
    _rule("advert", r"^(we may (earn|receive) (a )?(commission|compensation)|"
                    r"(this|our) (post|article|story) (may )?contains? affiliate|"
                    r"if you (buy|purchase|click) (something|on)\b.*\b(commission|share of the sale))", 45),
    _rule("advert", r"\b(if you (buy|purchase|click)|make a purchase)\b.{0,100}\b(we|i) (may )?(earn|receive|get)\b"
                    r".{0,40}\b(commission|share of the sale)", 60),
    # Newsletters, subscriptions and app prompts.
    _rule("newsletter", r"^(join|sign up|subscribe|register|get|receive)\b.{0,80}\b(newsletters?|inbox|"
                        r"email alerts?|e-?mail updates|updates|briefing|digest)\b", 40),
    _rule("newsletter", r"^(sign up|sign in|log ?in|subscribe (now|today)|register|"
                        r"already (a subscriber|have an account)|create (a free )?account|"
                        r"thanks? (you )?for (signing up|subscribing)|download (the|our) .{0,40}app|"
                        r"get (the|our) .{0,40}app|(enter|your) e-?mail( address)?|"
                        r"(invalid|please enter a valid) e-?mail)\b", 14),
    # A short prompt, not a short sentence ("Netflix lost 200,000 subscribers." is news).
    _rule("newsletter", r"^(?=.*\s)(?!.*[.!]$).*\b(newsletters?|subscribe|subscription|subscriber)\b", 8),
    _rule("newsletter", r"\b(sign (me )?up|subscribe)\b.{0,80}\bnewsletters?\b|\bnewsletters?\b.{0,80}\bsign (me )?up\b", 45),
    _rule("newsletter", r"\b(delivered|straight|directly|right) (to|in|into|through) your (inbox|e-?mail|letterbox|door)\b",
          25),
    _rule("newsletter", r"^\W*sign up (for|to get)\b.{0,40}\b(alerts|emails?|briefing)\b", 25),
    _rule("newsletter", r"^download (the|our) .{0,60}\bapp\b", 30),
    _rule("newsletter", r"^breaking news e-?mails\b|\bget breaking news alerts\b", 40),  # NBC's box (ta034 d4)
    # ... also after the come-on: "Want stories like these ...? Download the Us Weekly iPhone app now!" (ta111 d0)
    _rule("newsletter", r"\bdownload (the|our) [\w' ]{0,40}\bapp( now| today)?\W*$", 30),
    _rule("newsletter", r"^(click here to (get|download|sign up|subscribe)|get .{1,40} by clicking here)\b", 14),
    _rule("newsletter", r"\b(in|to|into|on|meet) your inbox\b", 20),
    _rule("newsletter", r"\bjoin (the|our) .{0,40}\bnewsletters?\b", 15),  # "Want more deals? Join the IGN Deals Newsletter."
    _rule("newsletter", r"^i agree\b.{0,80}\b(send me|e-?mails?|newsletters?)\b", 30),
    _rule("newsletter", r"^subscribe to .{1,40} on (youtube|twitter|facebook|instagram)\b", 20),
    # A sign-up form's own messages, left in the page as text.
    _rule("newsletter", r"^there was an error processing your (subscription|request|sign-?up)\b", 12),
    _rule("newsletter", r"^(sorry|oops)[!.]?$", 1),  # ... under the form's own "Sorry!"
    _rule("newsletter", r"\bby e-?mail\b.{0,60}\bsign up\W*$", 30),
    # A sign-up form's consent note: "Note: By submitting this form, you agree to Third Door Media's terms ."
    # (seventh fresh sample ta171 d1). A sentence that agrees to terms says who agreed first.
    _rule("newsletter", r"^(note:\s*)?by (submitting|completing|signing up|subscribing|registering|clicking)\b"
                        r"( this| the)?( form| below| above| here| sign up| subscribe)?,? you (agree|accept|acknowledge|consent)\b", 40),
    # A show's promo closing on its come-on: "... Click to subscribe!" (aeb tune ef4e67).
    _rule("newsletter", r"\bclick (here )?to subscribe\W*$", 40),
    # Links to other stories.
    # A link label is followed by the linked headline after a separator, or stands alone:
    # "Read more: ...", "Related Stories". "Latest figures show ..." is a sentence, not a label.
    _rule("related", r"^(\W|[►▶•]\s)?(read more|read also|see also|also read|more on this( story)?|related( stories| "
                     r"articles?| content| links?| coverage| news| posts?| reading| topics| videos?| photos?)?|"
                     r"recommended( for you| stories| reading)?|you (may|might) (also )?(like|enjoy|be interested)|"
                     r"more (from|stories|news|in|about|on)( [\w.]+){0,3}|most (read|popular|viewed|shared)|"
                     r"trending( now| stories)?|top stories|latest( news| stories)?|popular (now|stories)|"
                     r"further reading|editor['’]?s picks?|don['’]?t miss|what to read next|"
                     r"more coverage|in case you missed it|related post)\s*([:|»>\-–—…]|\.\.\.|$)", 25),
    _rule("related", r"^also on \S+\.\w+\b", 25),
    # A link alone under its label: "More info: http://scandale.com/" under each item of an AP list
    # (Multi-News fifth sample ta199 d1: seven such lines; the first sample's AP "Online:" block).
    _rule("related", r"^(more info|more information|for more information|online|on the web)\s*:\s*(https?://|www\.)\S+$", 6),
    # A link label in front of a linked headline (Gannett's "MORE:", "READ:", "Our view:"; "STORY:",
    # "Analysis:" teasers), seen in Multi-News stories 1-40. A headline does not end like a sentence.
    _rule("related", r"^(more|read|related|see|watch|listen|story|also|our view|other views|analysis|photos|video|"
                     r"editorial|opinion|column|audio|podcast)"
                     r"\s*:\s+[\"“‘']?(?-i:[A-Z0-9])(?!.*[.;:,]\W*$)", 20),
    # ... and a label in capitals before a call to listen or watch: "AUDIO: Listen to the emergency response."
    # (seventh fresh sample ta156 d1).
    _rule("related", r"^(?-i:AUDIO|VIDEO|PHOTOS|WATCH|LISTEN)\s*:\s+(listen|watch|see|hear|view|look)\b", 15),
    # A link to the site's other stories: "On HoustonChronicle.com: <headline>" (aeb tune 9ebb3a).
    _rule("related", r"^on [\w-]+\.(com|net|org|co\.uk)\s*:\s+\S", 25),
    # A link line to a document: "See PDF with full results, charts and tables here." (seventh sample ta177 d1).
    _rule("related", r"^(see|view|read|download|get)( the)? (pdf|full (results|report|text|poll|document)|"
                     r"complete (results|report))\b.{0,60}\bhere\W*$", 20),
    # An inline link to another story in square brackets (The Washington Post): "[Spirit clinches ...]",
    # a headline of six words or more, not a sentence; shorter ones are sources and credits ("[ PC World ]").
    _rule("related", r"^\[(?!/?\w+( [^\]]*)?\].*\[/\w+\]$)(?=\s*(\S+\s+){5}\S).{10,250}(?<![.!?])\]$", 30),
    # ... and those that ask or call (Multi-News ta108 d0, ta116 d2, ta249 d3): "[Who were Dorothy Day
    # and Thomas Merton?]", "[READ THE LETTER.]", "[Meet the one Russian lawmaker who ...]". A statement
    # in brackets ("[The council did not answer questions about the tender.]") may be the writer's own.
    _rule("related", r"^\[\s*((?=[^\[\]]{8,250}\?\]$)|(read|meet|watch|see|listen to|look at|take a look|learn|explore)\b)"
                     r"[^\[\]]{8,250}[.!?]\]$", 30),
    # TIME's link label in capitals with no colon before a linked headline in mixed case: "MORE 5 Photos
    # That Show How King Kong ..." (Multi-News ta046 d0). "MORE than 300 ..." (a sentence) and "MORE
    # DELAYS AHEAD" (a subhead in capitals) are not it.
    _rule("related", r"^(?-i:MORE) [\"“‘']?(?-i:[A-Z0-9])(?=.*(?-i:[a-z]))(?!.*[.;:,]\W*$)", 20),
    # Phys.org and Medical Xpress close with a related headline and the paper's citation, each after a
    # label: "Explore further: ...", "More information: ..." (Multi-News ta056 d2).
    _rule("related", r"^(explore further|more information)\s*:\s+\S", 40),
    _rule("related", r"\bread more$", 25),
    _rule("related", r"(^|, )click here\W*$", 20),  # "For a full recap of the night's winners, click here."
    # A link line ending on "here": "You can view our June open thread here.", "... or listen back here."
    _rule("related", r"^you can (view|listen to|watch|read|see|find)\b.{0,100}\bhere\W*$|"
                     r"\b(listen|watch|read|catch up) (back|again|more|it|the full [\w ]{1,30}) here\W*$", 25),  # a teaser headline with its link label run on
    _rule("related", r"^(previous|next)( (article|story|post))?\s*[:»>]", 25),
    # A link line: "Read Hockley's letter to herself here." (Multi-News ta191 d1).
    _rule("related", r"^(read|see|view|watch|listen to) (?!.*[,;:])\S.{2,80} here\.?$", 12),
    # "Read also" in the languages most often scraped alongside English.
    _rule("related", r"^\(?(leggi anche|lesen sie auch|lire aussi|leia também|lea también|ver también|"
                     r"veja também|lees ook|zobacz też)\b", 30),
    # Comment sections.
    _rule("comment", r"^(\d+\s+)?(comments?|responses?|replies|reader comments|join the (discussion|conversation)|"
                     r"leave a (comment|reply)|post a comment|add a comment|show comments|view comments|"
                     r"comments? (are|have been) (closed|disabled)|be the first to comment|"
                     r"(log|sign) in to comment|\d+ people (are )?(listening|commenting))\b\W*$", 10),
    # A comment's signature: "Jane on May 3, 2019 at 4:47 pm said:", "2 days ago at 07:52 am".
    _rule("comment", r"^.{1,80}\d.{0,40}\b(said|says|wrote|commented|replied)\s*:$", 20),
    _rule("comment", r"^(\w+ )?\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\b", 8),
    _rule("comment", r"\blet us know in (the )?comments\b", 60),
    # A comment section's rules: "As you comment, please be respectful ...", "we are moderating all comments".
    _rule("comment", r"\b(comments?|commenters|commenting)\b.{0,80}\b(moderat\w*|respectful|civil|off-topic)\b|"
                     r"\bmoderat\w* (all )?comments\b", 60),
    _rule("comment", COMMENT_POLICY.pattern, 60),
    _rule("other", r"\bwe['’]?d (like|love) to hear what you think\b|\bregistered trademarks? of\b", 60),
    # Comment spam: a link and a come-on ("I make $85 an hour from home ... www.x.com").
    _rule("comment", r"^(?=.*(\bhttps?://|\bwww\.|\.(com|net|org|info|example)\b))(?=.*\b(visit my|check (it|this|me) out|"
                     r"i (make|made|earn|earned|get paid)\b|\$\d+ (an|per|a) (hour|day|week)|"
                     r"(work|working) from home|cheap \w+|great (article|post)|nice (article|post)))", 80),
    _rule("comment", r"^(tell us what you think|what do you think\?? (let us know|tell us))\b", 12),
    _rule("comment", r"^(reply|report|flag|share|like|upvote|downvote)( \W? ?(reply|report|flag|share|like))*$", 4),
    # Social media prompts and embeds.
    _rule("social", r"^(tweet with a location|you can add location information to your tweets|"
                    r"learn more\s*$|add this tweet to your website|embed tweet|"
                    r"a post shared by|view this post on instagram|(follow|like) us on|"
                    r"share (this|on|via)\b|share (this )?(article|story)|(share|tweet|pin|email|print)"
                    r"( (share|tweet|pin|email|print|whatsapp|facebook|twitter|linkedin|reddit))+$|"
                    r"— .{1,60} \(@\w+\) \w+ \d{1,2}, \d{4})", 40),
    # An Instagram embed: the post's text, then "A post shared by Name (@handle) on Jun 20, 2017 at 11:56am PDT".
    _rule("social", r"\ba post shared by .{1,80}\(@[\w.]+\) on \w+\.? \d{1,2}, \d{4}", 80),
    # Author contact lines: "Follow her on Twitter @x", "Email X at x@y.com or follow him @x".
    _rule("social", r"^([–—-]\s*)?(follow|reach|contact|email|e-mail|write to)\b.{0,100}(\bon (twitter|facebook|instagram)\b|"
                    r"\S+@\S+\.\w+|@\w{2,}|twitter\.com)", 40),
    # ... or a phone number: "Contact Julia Prodis Sulek at 408-278-3409." (Multi-News ta150 d0).
    _rule("social", r"^([–—-]\s*)?(contact|reach) (?-i:[A-Z])[\w.'’ -]{1,40} at \(?\d{3}\)?[-. ]\d{3}[-.]\d{4}\W*$", 12),
    # A share-by-email form's prompt ("A friend wanted you to see this item from WRAL.com: ...", ta067).
    _rule("social", r"\b(a friend|someone) wanted you to see this (item|article|story|page)\b", 30),
    # A follow bar ending in the networks' names: "Follow CBSMIAMI.COM: Facebook | Twitter" (Multi-News ta060).
    _rule("social", r"^follow\b.{0,60}?\W\s*(facebook|twitter|instagram|youtube|linkedin|x)"
                    r"(\s*[|,/·•]\s*(facebook|twitter|instagram|youtube|linkedin|x))*\s*$", 12),
    _rule("social", r"\bshare (it|this( story| article)?) with (a|your) friends?\b", 15),
    # "For more news on L.A. homicides, follow @nicolesantacruz." (Multi-News fourth fresh sample ta161 d0)
    _rule("social", r"^for more (news|updates|coverage|stories)\b.{0,80}\bfollow\b.{0,40}(@\w{2,}|on (twitter|facebook|instagram))", 30),
    # An embed's account alone on its line: "@paulinaporizkov" under an Instagram post (aeb tune c82b3d).
    _rule("social", r"^@[\w.]{2,30}$", 1),
    # WordPress's share buttons as text: "Click to share on Twitter (Opens in new window)" (aeb tune 264dc3).
    _rule("social", r"^click to (share|email|print) (on|this|to)\b.{0,40}\(opens in new window\)$", 12),
    # A share bar run into the embedded media's title (The Guardian; Multi-News ta098 d0).
    _rule("social", r"^facebook twitter pinterest\b", 30),
    _rule("social", r"^(facebook|twitter|linkedin|whatsapp|email|e-mail|print|pinterest|reddit|share|"
                    r"copy link|messenger|flipboard)$", 2),
    # Cookie and privacy notices (no kind of their own in the schema).
    _rule("other", r"\b((we|this (web)?site|our (web)?sites?) uses? cookies|our use of cookies|by continuing to "
                   r"(browse|use)|cookie (policy|settings|preferences)|accept (all )?cookies)\b", 60),
    _rule("other", r"^(accept|decline|manage (settings|preferences)|got it|close|ok|dismiss|"
                   r"allow( all)?|reject( all)?)$", 3),
    _rule("other", r"^(©|\(c\)|copyright\b|all rights reserved)", 30),
    # "A version of this article appeared August 24, 2012, on page A11 in the U.S. edition of The
    # Wall Street Journal, with the headline: ..." (Multi-News ta220).
    _rule("other", r"^(a version of )?this (story|article|piece) (first |originally )?(appeared|ran|was published)\b"
                   r".{0,100}\b(issue|edition|magazine)\b", 40),
    # A captcha's prompt ("You must enter the characters with black color that stand out ...", ta067).
    _rule("other", r"^(please )?(you must )?(enter|type) the (characters|letters|code|text|words)\b.{0,80}"
                   r"\b(see|shown|image|picture|box|stand out|color|colour)\b|^captcha\b", 25),
    # Markup a scraper kept as text: an attribute with a URL ('poster="http://..." true'), and page
    # metadata an extractor let through: a bare URL, a bare ISO timestamp.
    _rule("other", r"^\w[\w-]*=[\"']https?://", 10),
    # A call to readers: "Are you in the region? Email us at haveyoursay@bbc.co.uk ..." (the BBC, third
    # fresh sample ta209 d1). A question the body asks is answered by the body, not by "email us".
    _rule("other", r"^(are|were|have|do|did|can) you\b[^?]{0,80}\?\s+(e-?mail|contact|tell|write to|send|share .{0,40} with) us\b", 60),
    # Correction notes (Multi-News fourth fresh sample ta130 d1, ta161 d0): "Correction: A previous version of
    # this article misstated ...", "An earlier version of this post incorrectly gave ...", "FOR THE RECORD".
    _rule("other", r"^((correction|clarification|editor['’]?s note)\s*:\s*)?(an?|the) (earlier|previous|prior) version of "
                   r"this (article|story|post|report|piece)\b", 60),
    _rule("other", r"^(correction|clarification)\s*:\s*\S.{0,200}\b(misstated|misidentified|incorrectly|wrongly|"
                   r"erroneously|mistakenly|regret the error)\b", 60),
    _rule("other", r"^for the record$", 3),
    # Where the article first ran: "Originally published on Live Science.", "Original article on Live Science."
    # (Multi-News ta216 d0, ta033 d4); an update's time alone: "— Updated at 8:37 p.m." (ta116 d2).
    _rule("other", r"^(original(ly)? (article|published|posted|appeared) (on|in|at)|this (article|story) "
                   r"(was )?(originally|first) (appeared|published|ran))\b", 15),
    _rule("other", r"^([—–-]\s*)?updated (at|on) \d{1,2}(:\d{2})?\s*([ap]\.?m\.?)?\W*$", 5),
    # The UN's map disclaimer (UNFPA, third fresh sample ta132 d2).
    _rule("other", r"\bdo(es)? not imply the expression of any opinion whatsoever\b", 90),
    # The comment form's captcha notice: "This site is protected by recaptcha Privacy Policy | Terms of Service" (aeb tune 7a457a).
    _rule("other", r"^this (site|page|form) is protected by recaptcha\b", 30),
    # A WordPress shortcode the site failed to render: "[button link=...] Send us YOUR review[/button]".
    _rule("other", r"^\[\w+( [^\]]*)?\].*\[/\w+\]$", 40),
    # A bare URL of an image or a page asset; a link to a page may be a source the article cites.
    _rule("other", r"^(https?://|www\.)\S+(\.(jpe?g|png|gif|webp|svg|ico)(\?\S*)?|/assets?/\S*)$", 1),
    _rule("other", r"^[\w-]+\.(com|org|net|co\.uk)$", 1),  # a site's name as its domain ("smithsonian.com")
    _rule("other", r"^\d{1,6}$", 1),  # a lone count (shares, comments) or page number
    _rule("other", r"^((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                   r"[a-z]*\.? \d{1,2},? \d{4}(,? (at )?\d{1,2}:\d{2}\s*([ap]\.?m\.?)?\s*\w{0,4}( \(.{0,20}\))?)?$", 12),
    # ... a bare date (and time): when the page was posted
    # ... and in Portuguese or Spanish: "segunda-feira, 22 de janeiro de 2018 às 0:13" (aeb tune cc03dd).
    _rule("other", r"^(((segunda|terça|quarta|quinta|sexta)(-feira)?|sábado|domingo|lunes|martes|miércoles|jueves|"
                   r"viernes),? )?\d{1,2} de (janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|"
                   r"novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre)"
                   r" de \d{4}(,? (às|a las) \d{1,2}[:h]\d{2})?$", 10),
    _rule("credit", r"^(the )?(associated press|reuters|agence france-presse|afp|ap)$", 3),
    _rule("other", r"^\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$", 2),
    # Reprint notices and tip lines.
    _rule("other", r"^(this copy is for your personal|to order presentation-ready copies|"
                   r"have a (news )?tip\?|got a (news )?tip\?)", 60),
    # Web-archive crawl notes a scraper saved instead of the article (seen in Multi-News).
    _rule("other", r"^(starting in 1996, alexa internet has been donating their crawl data|"
                   r"these crawls are part of an effort to archive pages|the seed for wide\d+ was\b|"
                   r"this collection contains .{0,60}\bcrawls? performed by)", 120),
    # Appeals for money or membership.
    _rule("other", r"\b(support (our |independent |local |quality )*(local )?journalism|become a (member|supporter|patron)|"
                   r"donate (now|today)|make a (donation|contribution)|(free|unlimited) articles? (left|remaining))\b", 25),
    _rule("other", r"^if you (enjoyed|liked|value|appreciate) (this|our|reading)\b", 40),
    _rule("other", r"\ball rights reserved\b", 60),
    # Legal and service footers: reprint bans, market-data disclaimers, customer-service contacts.
    _rule("other", r"\bmay not be (re)?published, broadcast, rewritten,? or redistributed\b|"
                   r"^(stock )?quotes (are )?delayed (at least|by)?\s*\d+ min|"
                   r"\bcustomer service (center|centre|department)? ?can be (contacted|reached)\b", 90),
    # Photo captions and credits. A credit in parentheses closes the caption however long it is
    # ("... (Photo: Name, Agency)"), sometimes run into a "Buy Photo" button.
    _rule("caption", r"\((photo|picture|image|pic|credit|photograph|file photo)s?( by)?\s*:?[^()]{0,60}\)\s*"
                     r"(buy photo)?\s*$", 120),
    _rule("caption", r"^buy photo\b|\bbuy photo$", 120),
    # A credit closing a caption, seen in Multi-News stories 1-40: "... Photo: Tom Wall via AP", "...
    # Image: Davide Bonadonna", "... Credit: Dr. Oliver J. T. O'Grady", "... 2016. REUTERS/Navesh Chitrakar",
    # and the Times' "Image <caption> Credit <name>".
    _rule("caption", r"\b(photo|image|picture|credit)s?:\s+(?-i:[A-Z])[\w.'’/ -]{1,60}$", 60),
    _rule("caption", r"\b(?-i:REUTERS|AFP|EPA|AP)/(?-i:[A-Z])[\w.'’ -]{1,60}$", 60),
    # NBC's video caption with its date: "... Wale Aliyu reports. (Published Saturday, Sept. 29, 2018)" (fourth sample ta240 d1).
    _rule("caption", r"\((published|updated) (\w+day, )?\w{3,9}\.? \d{1,2}, \d{4}\)$", 90),
    # A handout's credit: "... December 8, 2018. Reliance Industries/Handout via REUTERS" (seventh sample ta192 d0).
    _rule("caption", r"\b(handout )?via (?-i:REUTERS|AFP|AP|EPA|GETTY IMAGES)$", 90),
    # "<caption>. Photo by: Name." (Mongabay, seventh sample ta186 d1).
    _rule("caption", r"[.!?]\s(photo|image|picture)s? by:\s+(?-i:[A-Z])[\w.'’ -]{1,60}$", 60),
    # A video's caption, its date in parentheses, then the outlet: "... (May 4, 2015) Gannett Wisconsin
    # Media" (seventh sample ta156 d1). The credit is a name in capitals, with no sentence after it.
    _rule("caption", r"[.!?”\"]\s\((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\)\s"
                     r"(?-i:[A-Z])[\w.&'’-]*( (?-i:[A-Z])[\w.&'’-]*){0,4}$", 90),
    _rule("caption", r"^image (?-i:[A-Z]).{0,400}\bcredit\b", 90),
    # A caption clipped by the site, then the agency that owns it (Multi-News stories 1-40 have 11):
    # "... in a baseball... (Associated Press)", "... (AP Photo/Name) (Associated Press)".
    _rule("caption", r"(\.\.\.|…|\))\s*\((the )?(associated press|ap|reuters|afp|getty images)\)$", 120),
    # Galleries: "Photos: Title Photos: Title <caption>" (CNN), "1 of 26 Full Screen Autoplay ..."
    # (a slideshow's controls), "1 of 12. <caption> REUTERS/Name" (Reuters slideshows).
    _rule("caption", r"^(photos?: )+(.{3,80}?) (photos?: )+\2\b", 200),
    _rule("caption", r"^\d{1,3} of \d{1,3}\b.{0,40}\b(full screen|autoplay|skip ad|view photos)\b", 200),
    _rule("caption", r"^\d{1,3} of \d{1,3}\. .{0,400}\b(reuters|afp|ap|getty images|epa)(/| - )[^/]{0,60}$", 90),
    # A photo credit before or after the caption: "Name/Getty Images <caption>", "AFP/Getty
    # Images <caption>", "<caption> | Name/Getty Images", "Photo illustration by ...".
    _rule("caption", r"^([\w.'’-]+ ){0,3}[\w.'’-]*/\s?(getty( images)?|afp|ap|reuters|epa)\b", 80),
    _rule("caption", r"\s\|\s([\w.'’-]+ ){0,4}[\w.'’-]*/\s?(getty( images)?|afp|ap|reuters|epa)\b", 80),
    _rule("caption", r"^photo (illustration )?by\b", 30),
    # A photo's credit alone: "Courtesy Maria Feng", "Courtesy of the family" (Multi-News ta129 d1).
    _rule("caption", r"^(photo )?courtesy( of)?\s+(the )?(?-i:[A-Z])[\w.'’&-]*( [\w.'’&-]+){0,3}$", 6),
    # A name and where the picture came from: "Christopher Tays Submitted photo" (aeb tune 961bd8, six
    # such lines), "City Clerk Kimberly Lehmkuhl (Courtesy photo)" (Multi-News ta124 d2).
    _rule("caption", r"\b(submitted|courtesy|handout) (photo|image|picture)s?\)?$", 20),
    _rule("caption", r"\(\s*[^()]{0,40}\b(photos?|pictures?|images)\s*\)\s*$", 45),
    _rule("caption", r"^(photo|picture|image|pictured|file photo|photograph|caption|gallery|"
                     r"slideshow|photos|images|foto|fotos|фото)\s*([:\-–—|]|\(\d+ images?\))", 40),
    # A photographer and the outlet in parentheses close a caption: "(Todd Maisel/New York Daily News)",
    # "(Katherine Frey/The Washington Post)" (Multi-News ta017 d2, ta037 d0; aeb tune: 7 such lines, all noise).
    _rule("caption", r"\(\s*(?-i:[A-Z])[\w.'’-]*( (?-i:[A-Z])[\w.'’-]*){0,3}\s?/\s?(?-i:[A-Z])[\w.&'’-]*"
                     r"( [\w.&'’-]+){0,5}\s*\)\s*$", 120),
    # A credit of slash-joined names in parentheses closes a caption: "(NASA/JPL-Caltech/ASU)".
    _rule("caption", r"\(\s*((?-i:[A-Z])[\w.&'’-]*\s?/\s?){1,4}(?-i:[A-Z])[\w.&'’-]*\s*\)\s*$", 60),
    _rule("caption", r"^(view gallery|enlarge this image|enlarge image|hide caption|toggle caption|"
                     r"image copyright|image caption)\b", 40),
    _rule("caption", r"^(photo|photos|image|images|gallery|slideshow|expand|foto|fotos|фото)$", 1),
    # Agency photo credits close a caption ("... (AP Photo/Evan Vucci)", "Karl Gehring/Getty"); a
    # sentence that names the agency ("Getty Images declined to comment.") ends with a full stop.
    _rule("caption", r"(\b(getty images|shutterstock|afp via getty|ap photo|epa-efe|associated press photo|istock|"
                     r"photofest)\b|[/(]\s*(getty|ap|reuters|afp|epa)\b)[^.]{0,60}$", 40),
    _rule("caption", r"^(photofest|getty( images)?|ap photo|reuters|afp|epa)$", 2),
    # An agency credit glued to the caption's full stop: "... outside a co-working space in New York.Reuters".
    _rule("caption", r"[a-z]\.(?-i:Reuters|AP|AFP|EPA|Getty Images|Shutterstock)$", 40),
    # ... or after a space: "... problematic use of the drug. Getty", "... recreational use. Statista"
    # (aeb tune 7f93c1: two such captions, fde930 one).
    _rule("caption", r"[.!?”\"]\s(?-i:Getty( Images)?|Reuters|AFP|AP|EPA|Statista|Shutterstock|iStock)$", 40),
    # "installation views, photos © Name, 2018"
    _rule("caption", r"\b(photos?|images?|pictures?)\s*(©|\(c\))\s*\w", 30),
    _rule("caption", r"^\d+ ?/ ?\d+$", 3),  # slideshow counters "3/12"
    # Agency captions: "FILE - In this Dec. 13, 2004 file photo, ...", "In this photo provided by ...".
    _rule("caption", r"^(file\s*[-–—:]\s|file photo\b|in this [^.]{0,60}\b(photo|image|picture|frame grab)\b)", 90),
    _rule("caption", r"^in this \w{3,4}\. \d{1,2}, \d{4},? (file )?(photo|image|picture)\b", 90),
    # A credit closing a caption: "© Reuters / Name", "Credit: Getty - Contributor".
    _rule("caption", r"(©\s*(reuters|ap|afp|getty( images)?|epa|shutterstock)\b|\bcredit:\s)[^.]{0,60}$", 90),
    # A credit in capitals in parentheses closes a caption: "(STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)".
    _rule("caption", r"\(\s*(?-i:[A-Z][A-Z.'’ -]+)/(?-i:[A-Z][A-Z.'’ -]+)\)\s*$", 90),
    # Contributor lines, bylines and reporting credits.
    _rule("credit", r"^(the )?(associated press|ap|reuters|afp|\w+ press)( writers?| reporters?)? .{0,120}"
                    r"\bcontributed( to)?( this)?( report(ing)?| story)?\.?$", 40),
    _rule("credit", r"\b(contributed (to )?(this|the) (report|story|article)|contributed reporting)\.?$", 40),
    _rule("credit", r"^([—–-]\s*)?\(?(with )?(reporting|writing|editing|additional reporting|compiled) by\b", 45),
    # USA Today's contributor line: "Contributing: Associated Press" (Multi-News ta205 d0, ta043 d1).
    _rule("credit", r"^contributing\s*:\s*\S", 15),
    # A byline with the writer's Twitter handle: "Nishant Kumar @Nishantopines" (aeb tune 654082).
    _rule("credit", r"^(?-i:[A-Z])[\w.'’-]+( (?-i:[A-Z])[\w.'’-]+){1,3},? @\w{2,30}$", 6),
    _rule("credit", r"^(/\s*)?(by|written by|words by|posted by|updated by|story by|report by)\s+(?-i:[A-Z])[\w.'’-]*"
                    r"(\s+[\w.'’-]+){0,6}\s*([,·|•]|$)", 18),
    # Datelines: when the page was posted is metadata, not body.
    _rule("other", r"^(posted|published|updated|last updated|first published)\b(\s|on\b|at\b|:)*"
                   r"((mon|tue|wed|thu|fri|sat|sun)\w*,? )?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? )?\d", 14),
    _rule("credit", r"^(this (article|story|report) (was|has been) (updated|corrected|amended|produced))\b", 30),
    # Site navigation and page chrome.
    _rule("navigation", r"^(home|menu|search|skip to (main )?content|back to top|go to top|"
                        r"close menu|open menu|toggle navigation|main menu|navigation|sections?|"
                        r"site map|sitemap|contact us|about us|log out|my account|more|show more|"
                        r"privacy( policy| notice)?|terms (of (use|service)|and conditions)|cookie policy|"
                        r"load more|see more|view all|see all|next|previous|print this (page|article)|text size|"
                        r"font size|reset|listen( to this (article|story))?)\b\W*$", 4),
    _rule("navigation", r"^(\w+( \w+)?) (»|›|>|/|\|) (\w+( \w+)?)( (»|›|>|/|\|) \w+( \w+)?)*$", 10),  # breadcrumbs
    _rule("navigation", r"^([^»›]{1,40} [»›] ){1,6}[^»›]{1,80}$", 20),
    _rule("navigation", r"^(\d+ )?min(ute)?s? read$", 4),
    _rule("navigation", r"^(tags?|topics?|filed under|categories|category|keywords)\s*:", 30),
    # The same labels run into a post's meta line: "05/10/2018 - Posted by: Name - Category: Health - Tags: x".
    _rule("navigation", r"\s[-|•·]\s(tags?|categor(y|ies|ia)|filed under|posted in|publicado por|posted by)\s*:", 30),
    _rule("navigation", TAGS_LABEL.pattern, 2),
    # A related story's card: its headline said twice, then its summary (Fox local pages, Multi-News
    # ta016 d1, ta063 d3; aeb tune 432362: 9 such lines, all noise). Four words at least: "Well, well, ...".
    # Near the end: a gallery's "Photos: Title Photos: Title" is a caption.
    _rule("related", r"^(?P<headline>(\S+ ){3,24}?\S+) (?P=headline)( |$)", 200),
    # A short line cut off after a comma: a teaser ("Two people in China have been diagnosed with the
    # plague,..."). Short lines cut off anywhere are noise on the aeb tune pages (45 of 45), but one
    # cut after a word was body in the first fresh Multi-News sample: only the comma tells.
    # Last: a line another rule names keeps that kind ("Tell us what YOU think..." is a comment prompt).
    _rule("related", r"(?<=[^\W_]),\s?(\.\.\.|…)$", 15),  # opens on the comma: the search skips to it
)


def needed_text(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of `pattern` holds; None when it needs none.

    Read off the parsed pattern: a run of literal characters, a group, a branch whose every
    alternative needs something, a repeat of at least one, a lookaround; of the candidates in a
    sequence, the one whose shortest string is longest. Non-ASCII characters end a run: their
    case rules under IGNORECASE differ from `str.lower`'s.
    """
    if regex_parser is None:  # pragma: no cover
        return None
    try:
        return _needed_in(list(regex_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # pragma: no cover - a parser whose shape changed: the rule is always tried
        return None


def _needed_in(items: list) -> tuple[str, ...] | None:
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def consider(candidate: tuple[str, ...] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, value in [*items, (None, None)]:  # the sentinel ends the last run
        if op is LITERAL and value < 128:
            run.append(chr(value))
            continue
        if run:
            consider(("".join(run).lower(),))
            run = []
        if op is SUBPATTERN:
            consider(_needed_in(value[-1]))
        elif op is ATOMIC_GROUP:
            consider(_needed_in(value))
        elif op is BRANCH:
            alternatives = [_needed_in(branch) for branch in value[1]]
            if all(alternatives):
                consider(tuple(sorted({text for needed in alternatives for text in needed})))
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and value[0] >= 1:
            consider(_needed_in(value[2]))
        elif op is ASSERT:
            consider(_needed_in(value[1]))
    return best


# The only characters outside ASCII that match an ASCII letter under IGNORECASE or lower into ASCII
# ("ſ" matches "s", the Kelvin sign "k", "İ" lowers to "i" and a dot): on a line holding one, the
# needed-text test could miss a match, so every rule is tried (checked over all of Unicode in the tests).
FOLDS_INTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")

# For each line length in words, the rules that may match it, in order (a line longer than every
# limit is prose: no rule is tried).
_LONGEST_RULE = max(rule.max_words for rule in RULES)
_RULES_FOR_WORDS: tuple[tuple[Rule, ...], ...] = tuple(
    tuple(rule for rule in RULES if words <= rule.max_words) for words in range(_LONGEST_RULE + 1))


def _needed_within(needed: tuple[str, ...] | None, words: int) -> tuple[str, ...] | None:
    """The needed strings a line of `words` words can hold (one of n words needs n); () when none."""
    return None if needed is None else tuple(text for text in needed if len(text.split()) <= words)


# The same with each rule's needed text; a rule none of whose needed strings fits the line's
# words is left out (a one-word line holds no "sign up").
_GUARDED_RULES_FOR_WORDS: tuple[tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None], ...], ...] = tuple(
    tuple((rule.pattern, rule.kind, needed) for rule in rules
          if (needed := _needed_within(needed_text(rule.pattern), words)) != ())
    for words, rules in enumerate(_RULES_FOR_WORDS))


@lru_cache(maxsize=65_536)  # page chrome repeats: menus, "Share", "Advertisement" on every page
def match_rule(line: str) -> str | None:
    """The noise kind a line's form announces, or None for an ordinary line.

    The first rule, in order, whose pattern matches. A rule whose needed text (`needed_text`) the
    lowered line lacks cannot match and is not tried: most lines hold none of most rules' words,
    and the searches were a sixth of the HTML path's CPU time."""
    words = len(line.split())
    if words > _LONGEST_RULE:
        return None
    if FOLDS_INTO_ASCII.search(line):
        return next((rule.kind for rule in _RULES_FOR_WORDS[words] if rule.pattern.search(line)), None)
    lowered = line.lower()
    for pattern, kind, needed in _GUARDED_RULES_FOR_WORDS[words]:
        if needed is not None:
            for text in needed:  # a loop, not any(): this runs a million times on the aeb pages
                if text in lowered:
                    break
            else:
                continue
        if pattern.search(line):
            return kind
    return None


# A line that opens a block of links to other stories: what follows it (short headline-like
# lines) is related-story teasers, not body.
TEASER_HEADER = re.compile(
    r"^(related( stories| articles| content| coverage| news| posts| reading| links)?|more (from|stories|news|on|in)\b.*|"
    r"recommended( for you| stories| reading)?|you (may|might) (also )?(like|enjoy)\W*|most (read|popular|viewed|shared).*|"
    r"trending( now| stories)?|top stories|latest( news| stories)?|popular( now| stories)?|further reading|"
    r"editor['’]?s picks?|what to read next|more coverage|around the web|from around the web|"
    r"promoted stories|sponsored stories|in other news|more headlines|next up( in [\w&'’ ]{1,40})?|"
    # The same in the languages most often scraped alongside English.
    r"voc[eê] (também )?pode gostar|veja também|leia também|not[ií]cias relacionadas|mat[eé]rias relacionadas|"
    r"tambi[eé]n te puede interesar|te puede interesar|art[ií]culos relacionados|noticias relacionadas|"
    r"das könnte sie auch interessieren|mehr zum thema|weitere artikel|vous aimerez aussi|[àa] lire aussi|"
    r"sur le même sujet|ti potrebbe interessare|potrebbe interessarti|articoli correlati|lees ook|"
    r"we recommend|recommended videos|more videos)\W*$",
    re.I,
)

# A photo credit alone on its line: "Photo: Getty Images", "Jane Doe/Harbour Times/Getty Images",
# "Natalie Naccache | Bloomberg | Getty Images", "Photo by David Dyer-Bennet" (aeb tune pages).
CREDIT_LINE = re.compile(
    r"^((photo|image|picture)( credit)?s?:\s*[^.()]{2,60}|credit:\s*[^.()]{2,60}|photo by [^.()]{2,60}|"
    r"[^.()|/]{2,40}[/|][^.()]{0,40}\b(getty images|getty|ap|reuters|afp|epa|bloomberg|shutterstock))$",
    re.I,
)

# A photographer's name and the outlet, alone on a line: "Sarah Tew/CNET", "Jamie/Flickr" (Multi-News
# ta211 d3, ta031 d0; aeb tune 5fbc7c). Only inside the body: above it, "About Me/Contact" is a menu.
NAME_CREDIT = re.compile(r"^[A-Z][a-z][\w.'’-]*( [A-Z][\w.'’-]*){0,2}/[A-Z][\w.&'’-]*$")

# A video player's playlist run into one line (Gannett): "Skip in Skip x Embed x Share CLOSE <title> |
# 0:46 <description> AP 1 of 68 Skip in Skip x ...", thousands of words long, the chrome once per video.
PLAYLIST = re.compile(r"^(close\s+)?skip in skip\b.{0,10}\bembed\b.*\bskip in skip\b", re.I | re.S)

# CNN's video teaser run into one line: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:27"
# (Multi-News ta009 d2, ta218 d2, ta249 d2: 14 such lines, all kept before). The player sits between
# the article's paragraphs, three or four in a row at times (ta249 d2): the region search passes over it.
EMBEDDED_VIDEO = re.compile(r"^(?-i:JUST WATCHED) .{1,200}\b(?-i:MUST WATCH)\b")

# The header of a summary box above the article (CNBC's "Key Points", CNN's "Story Highlights", NBC's
# "What to Know"): the bullets under it, one block of lines, restate the story (aeb tune 374ac9).
SUMMARY_BOX = re.compile(r"^(key points|story highlights|what to know)$", re.I)

# A photo gallery's counter over its captions ("1 of 6", aeb tune 961bd8): the gallery sits between
# the article's paragraphs, and the region search passes over it as over a player.
GALLERY_COUNTER = re.compile(r"^1 of \d{1,3}$")

# A line that opens the comment section: everything after it is readers' comments.
COMMENT_SIGNATURE = re.compile(r"^.{1,80}\d.{0,40}\b(said|says|wrote|commented|replied)\s*:$|"
                               r"^\d+ (minutes?|hours?|days?|weeks?|months?) ago at \d", re.I)
COMMENT_HEADER = re.compile(
    r"^((\d+\s+)?comments?|\d+ (responses?|replies)|reader comments|readers['’]? comments|join the (discussion|conversation)|"
    r"leave a (comment|reply)|post a comment|add a comment|show comments|"
    r"view comments|\d+ thoughts on .{0,120})\W*$",
    re.I,
)

# A video marker: the short line after it is the video's title, not a body paragraph.
VIDEO_MARKER = re.compile(r"^(click to play( video)?|watch|video|now playing|up next)\b.{0,3}$|"
                          r"^click to play video\s*:", re.I)

# The signature line of an embedded tweet; the line above it is the tweet's text.
TWEET_SIGNATURE = re.compile(r"^[—–-]\s*.{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}$")
# ... or the same signature closing the tweet's own line: "<text> — Name (@handle) May 24, 2016".
TWEET_TAIL = re.compile(r"\s*[—–]\s*[^—–]{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}$")

# A line that opens an author's biography ("About Jane Doe", "Über ...", "Sobre ..."): the
# paragraph under it is the bio, a credit, not the article.
BIO_HEADER = re.compile(r"^(about|über|sobre|à propos de|a proposito di) (the author|(?-i:[A-Z])[\w.'’-]*( [\w.'’-]+){0,3})$",
                        re.I)

# A page's dateline: a line that is only a date, perhaps with "Published", a weekday and a time
# ("Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)", "Published November 20th, 2019 - 07:29
# GMT"). Read above the body when the page's metadata gives no date.
DATELINE = re.compile(
    r"^((posted|published|updated|last updated|first published)( on)?:?\s+)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?|\d{1,2} (jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\.?),? \d{4}([ ,\-–|]+(at )?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*[a-z]{0,4}"
    r"( \(.{0,20}\))?)?\W*$",
    re.I,
)

# A politician's hover card run into a sentence (The Hill): the name, then the name again glued to
# their latest headlines, closed by "MORE": "Rep. Ilhan OmarIlhan OmarHillicon Valley: ... MORE
# (D-Minn.)" (with spaces between in a page's plain text). The card is cut out of the paragraph;
# the name stays.
INLINE_CARD = re.compile(r"(?P<first>[A-Z][\w.'’-]*) (?:[A-Z][\w.'’-]* )?(?P<last>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
                         r"(?P<card> ?(?P=first) (?:[A-Z][\w.'’-]* )?(?P=last) ?(?=[A-Z])[^\n]{0,1500}? MORE\b)")


def cut_tweet_signature(text: str) -> tuple[str, str | None]:
    """An embedded tweet's line without the signature that closes it (`TWEET_TAIL`), and that
    signature; the text itself and None when no signature closes it, or nothing is left before it.

    The tweet's words are what the article quotes, body as the aeb bodies and the fresh Multi-News
    golds have them; its handle and timestamp are the embed's chrome (a date that is not the story's)."""
    match = TWEET_TAIL.search(text) if "(@" in text else None
    if match is None or not match.start():
        return text, None
    return text[:match.start()], match.group().strip()


# A share button's words run into the first sentence (AOL's PopEater, Multi-News ta203: "Email This
# Even at 88, Betty White has ..."): cut off, the sentence kept.
# CNN's label over its bullet points, run into the first one ("Story highlights The CIA officially
# acknowledges Area 51 ...", Multi-News ta138: the label was the story's headline).
LABEL_PREFIXES = (
    ("social", re.compile(r"^(?:E-?mail|Share|Print|Tweet) This\s+(?=[A-Z0-9“\"'‘])")),
    ("other", re.compile(r"^Story highlights\s+(?=[A-Z0-9“\"'‘])")),
    # A photo's credit run into the first sentence (Business Insider, Multi-News ta169: "William Wei,
    # Business Insider Facebook is buying Oculus VR ..."): a name, a comma, a photo desk, then the
    # next sentence's capital.
    ("credit", re.compile(r"^(?:[A-Z][\w'’.-]+ ){1,3}?[A-Z][\w'’-]+, (?:Business Insider|Getty Images|AP Photo|"
                          r"Associated Press|Reuters|AFP|EPA|Bloomberg|Shutterstock)\s+(?=[A-Z“\"‘])"
                          r"(?!(?:Editor|Correspondent|Reporter|Staff|Bureau|Chief|Columnist|Writer|Photographer|"
                          r"Contributor|Analyst|News|Breakingviews)\b)")),
)


def cut_label_prefix(text: str) -> tuple[str, tuple[str, str] | None]:
    """The text without a button's or box's label opening it, and (label, kind) (None when none)."""
    for kind, prefix in LABEL_PREFIXES:
        match = prefix.match(text)
        if match and len(text) > match.end() + 20:
            return text[match.end():], (match.group().strip(), kind)
    return text, None


def cut_inline_cards(text: str) -> tuple[str, list[str]]:
    """The text without hover cards (`INLINE_CARD`), and the cards cut out."""
    if " MORE" not in text:  # most lines: skip the search
        return text, []
    matches = list(INLINE_CARD.finditer(text))
    if not matches:
        return text, []
    pieces, position = [], 0
    for match in matches:  # the name before the card stays whole ("Gov. Kristi Noem (R) is ...")
        pieces.append(text[position:match.start("card")])
        position = match.end("card")
    return "".join(pieces) + text[position:], [match.group("card").strip() for match in matches]
