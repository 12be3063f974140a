"""Clean stage, issue 22 round 5: lines lost or kept wrongly in plain text, each form taken from
the aeb tune pages or Multi-News stories 1-40 (invented text here, as regression tests)."""

from __future__ import annotations

from tests.conftest import clean_paragraphs as cleaned
from tests.test_clean_round4 import BODY, MENU, page


def test_clean_teaser_block_goes_on_over_headlines_that_end_in_a_quote() -> None:
    # aeb tune 8b1945 (The Sun): "Most read in world news", then kickers in capitals and headlines,
    # some ending on a quotation mark ("... 'he avoids PDAs & can't sweat'"): a headline, not prose.
    teasers = ["Most read in world news", "HARBOUR ROW",
               "Mayor parties in unearthed pics despite claiming 'he never leaves the office at night'",
               "TIME TRAVELLER", "Residents say they've spotted the ferry captain in a 120-year-old picture",
               "'NAIVE AND TRUSTING'", "Council clerk 'gave away keys to the bridge depot to a stranger'"]
    body, removed = cleaned(page(MENU, BODY[:2], teasers, BODY[2:]))
    assert body == BODY
    assert all(removed[t] == "related" for t in teasers)


def test_clean_teaser_block_ends_where_the_body_resumes_with_a_sentence() -> None:
    teasers = ["Most read in world news", "HARBOUR ROW", "Mayor parties in unearthed pics despite claiming 'no'"]
    resumed = "Officials said the tolls would pay for the repairs 'within a decade'."
    body, removed = cleaned(page(MENU, BODY[:2], teasers, resumed, BODY[2:]))
    assert body == [*BODY[:2], resumed, *BODY[2:]]


STANDINGS = [f"{rank} {name} {points} {wins} 0 {top5} {top10}" for rank, (name, points, wins, top5, top10) in enumerate([
    ("Ana Ferreira Lopes", 5040, 5, 17, 27), ("Bruno Costa Dias", 5035, 7, 15, 24), ("Carla Mendes", 5033, 4, 15, 26),
    ("Diego Alves Rocha", 5027, 6, 19, 24), ("Elisa Prado", 2380, 2, 12, 21), ("Fabio Nunes", 2339, 1, 11, 18),
    ("Gil Sampaio", 2339, 1, 8, 17), ("Helena Braga", 2318, 3, 13, 19), ("Igor Teles", 2290, 0, 7, 18),
    ("Joana Pires", 2275, 3, 11, 15)], start=1)]
SIDEBAR = ["» Coluna de Adauto", "Clique na foto do colunista e veja as colunas sobre corridas, motos e outras que ele "
           "escreve para o nosso site toda semana!", "» Preview do GP",
           "Clique e saiba os horários da TV do GP, o vigésimo da temporada, conheça a pista, as estatísticas e os "
           "pneus que serão usados neste fim de semana.", "» Podcast – Episódio 29",
           "Grande volta do nosso podcast na décima segunda temporada batendo aquele papo sobre tudo o que tem "
           "acontecido no mundo do esporte a motor!"]
POLICY = ("ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados "
          "pelo moderador.")


def test_clean_keeps_a_ranked_table_as_the_body_and_stops_at_the_comment_policy() -> None:
    # aeb tune cc03dd (a calendar of rounds "1a etapa: 10 de março – Interlagos") and the same site's
    # standings table: rows numbered 1, 2, 3 ... each with more figures, no sentence among them, then
    # the comment box's policy and a sidebar of prose teasers that won the region.
    intro = "Classificação final da temporada após 36 etapas:"
    body, removed = cleaned(page(MENU, "Classificação", intro, "Pos. Piloto Pontos Vitórias Poles Top 5 Top 10",
                                 STANDINGS, "Share this on WhatsApp", POLICY, SIDEBAR))
    assert STANDINGS[0] in body and STANDINGS[-1] in body
    assert not set(SIDEBAR) & set(body)
    assert removed[POLICY] == "comment"


def test_clean_numbered_headlines_are_no_table() -> None:
    # A "Most read" list numbered 1-6 has one figure a row: its headlines do not outweigh the article.
    ranked = [f"{n} Headline about the bridge row and the mayor's plan for the harbour" for n in range(1, 7)]
    body, _ = cleaned(page(MENU, BODY, ranked))
    assert body == BODY


def test_clean_teaser_cards_each_under_the_same_share_bar_are_related() -> None:
    # aeb tune b3c19dd: "Você pode gostar..." and then whole paragraphs of other posts, each under the
    # same share bar the article has; there are more of their words than of the article's.
    bar = "Whatsapp Facebook Pint Baixar"
    cards = [f"{paragraph} It was the {n} time the council had met on a Sunday this year." for n, paragraph in
             enumerate([BODY[1], BODY[3], BODY[0], BODY[2], BODY[1]], start=2)]
    article = [BODY[0], BODY[2], BODY[3]]
    lines = [*MENU, bar, *article, "Você pode gostar..."]
    for card in cards:
        lines += [bar, card]
    body, removed = cleaned(page(lines, "Temas", MENU))
    assert body == article
    assert all(removed[card] == "related" for card in cards)


def test_clean_html_article_split_by_a_full_width_advert_is_kept_whole() -> None:
    # aeb held-out d48aeb, 2f42ef (WIRED): the article body is two containers with an advert row
    # between; the extractor takes the first and stops. The page's text holds every paragraph of
    # it and twice the words, so its body region is taken instead, and the problem says so.
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument

    paragraphs = [f"{text} Paragraph {n} of the story goes on with more detail about the council and the bridge."
                  for n, text in enumerate(BODY * 3)]

    def container(part: list[str]) -> str:
        return ('<div class="grid"><div class="grid--item body article__body">'
                + "".join(f"<p>{p}</p>" for p in part) + "</div></div>")

    menu = "".join(f"<li><a href='/{m}'>{m}</a></li>" for m in MENU)
    html = (f"<html><head><title>Bridge row deepens | Harbour</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<main><article><h1>Bridge row deepens</h1>{container(paragraphs[:3])}"
            '<div class="row full-bleed-ad"><div class="ad"><span class="ad-label">Advertisement</span></div></div>'
            f"{container(paragraphs[3:])}</article></main><footer><p>© Harbour Media</p></footer></body></html>")
    articles, problems = clean_documents([RawDocument(id="page", content=html, is_html=True)])
    assert articles[0].text.split("\n\n") == paragraphs
    assert any("extractor stopped" in p.message and not p.fatal for p in problems)
    assert "Advertisement" in {r.text for r in articles[0].removed}


def test_clean_html_extractor_output_stays_when_the_page_text_adds_only_teasers() -> None:
    # The same page with one container: the page's text has nothing more of the article.
    from storydesk.clean import clean_documents
    from storydesk.model import RawDocument

    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head><title>Bridge row deepens | Harbour</title></head><body><main><article>"
            f"<h1>Bridge row deepens</h1><div class='article__body'>{body}</div></article></main>"
            "<footer><p>© Harbour Media</p></footer></body></html>")
    articles, problems = clean_documents([RawDocument(id="page", content=html, is_html=True)])
    assert articles[0].text.split("\n\n") == BODY
    assert not problems


def test_clean_removes_share_buttons_that_open_a_new_window() -> None:
    # aeb tune 264dc3 (WordPress share buttons as text), seen first in the fourth fresh sample's labelling.
    buttons = ["Click to share on WhatsApp (Opens in new window)", "Click to share on Facebook (Opens in new window)",
               "Click to share on Twitter (Opens in new window)"]
    body, removed = cleaned(page(BODY[:1], buttons, BODY[1:]))
    assert body == BODY
    assert all(removed[b] == "social" for b in buttons)


def test_clean_tail_teasers_in_headline_and_summary_pairs_are_related() -> None:
    # aeb tune d90bda: "Top stories" near the end, then other stories each as a headline and its
    # one-sentence summary; the summaries read as prose, but they alternate with headlines.
    pairs = ["French actor of harbour descent dies aged 96",
             "The French actor of harbour descent, best known for his comic roles, died on Thursday at the age of "
             "96, a newspaper in the capital reports.",
             "Old relics unearthed near the ferry terminal",
             "Archaeological relics of the old kingdom, some of them nearly three thousand years old, have recently "
             "been found under the ferry terminal.",
             "Ministry announces $10 mln deal for new harbour cranes",
             "Work will be performed in the harbour and in the capital, and is expected to be completed in September "
             "of next year, the ministry said."]
    longer = [*BODY, *(f"{p} The {n} letter from the committee, sent last week, repeated its request for the "
                         "ministry's figures and asked for an answer before the hearing." for n, p in
                         enumerate(BODY, start=2))]
    body, removed = cleaned(page(MENU, longer, "Top stories", pairs))
    assert body == longer
    assert all(removed[p] == "related" for p in pairs)


def test_clean_body_resuming_after_a_teaser_box_in_the_tail_stays() -> None:
    box = ["Related stories", "Bridge tolls to rise next year", "Ferry strike called off"]
    last = ["The committee will meet again on Friday to decide whether the hearing can go ahead as planned, "
            "and the ministry has been asked to send its own figures for the cost of the bridge before then.",
            "Both sides said they expected the hearing to last at least two days, with residents of the harbour "
            "district and the ferry operators among those asking to be heard by the committee."]
    body, _ = cleaned(page(MENU, BODY, box, last))
    assert body == [*BODY, *last]


def test_clean_removes_the_tag_list_under_a_tags_label_and_a_portuguese_dateline() -> None:
    # aeb tune cc03dd (HTML path): the post's date in Portuguese above the body, and under a lone
    # "Tags" label the keywords as one comma-separated line.
    from storydesk.clean import clean_text

    dateline = "segunda-feira, 22 de janeiro de 2018 às 0:13"
    tags = ("calendario ponte 2018, ponte porto, ponte comissão, ponte ministério, ponte orçamento, "
            "ponte audiência, ponte pedágio, ponte reparos, ponte balsa, ponte votação, ponte obras")
    result = clean_text("\n\n".join([dateline, *BODY, "Tags", tags]), find_region=False)
    assert result.text.split("\n\n") == BODY
    removed = {r.text: r.kind for r in result.removed}
    assert removed[dateline] == "other" and removed[tags] == "navigation"


def test_clean_keeps_a_sentence_under_a_tags_label() -> None:
    from storydesk.clean import clean_text

    closing = "Topics"
    last = "The committee's chairwoman, asked about the tags on the bridge, said they would be removed."
    result = clean_text("\n\n".join([*BODY, closing, last]), find_region=False)
    assert last in result.text.split("\n\n")
