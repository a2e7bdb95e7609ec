//! HTML reduced to plain text, for GIFT's `[html]` text: tags dropped (line breaks kept where
//! the markup made them), scripts, styles and comments dropped, runs of white space folded,
//! entities decoded (by `html-escape`, which knows every named entity of HTML5).

/// The text a reader of the HTML would see, as plain lines.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        push_text(&mut out, &rest[..start]);
        let tag = &rest[start + 1..];
        if let Some(comment) = tag.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let is_tag = tag
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !is_tag {
            // A lone "<" (as in "a < b") is text.
            push_text(&mut out, "<");
            rest = tag;
            continue;
        }
        let Some(end) = tag.find('>') else {
            // No ">" anywhere after: nothing further can be a tag, so the rest is text (and
            // each later "<" need not search again).
            push_text(&mut out, &rest[start..]);
            rest = "";
            break;
        };
        let name: String = tag[..end]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &tag[end + 1..];
        match name.as_str() {
            "script" | "style" if !tag.starts_with('/') => {
                // Their content is not text: skip to the closing tag.
                rest = find_close(rest, &name)
                    .and_then(|i| rest[i..].find('>').map(|j| &rest[i + j + 1..]))
                    .unwrap_or("");
            }
            "br" => out.push('\n'),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "table"
            | "pre" | "blockquote" => paragraph(&mut out),
            "li" if !tag.starts_with('/') => {
                line_break(&mut out);
                out.push_str("- ");
            }
            "tr" => line_break(&mut out),
            "td" | "th" => out.push(' '),
            _ => {}
        }
    }
    push_text(&mut out, rest);
    let decoded = html_escape::decode_html_entities(&out);
    // Tidy the lines: no spaces at their ends, at most one blank line in a row.
    let mut text = String::with_capacity(decoded.len());
    for line in decoded.lines().map(str::trim) {
        if line.is_empty() && (text.is_empty() || text.ends_with("\n\n")) {
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    text.trim().to_string()
}

/// Text between tags: every run of white space is one space, as a browser shows it.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn line_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn paragraph(out: &mut String) {
    line_break(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Where `</name` starts, in any case.
fn find_close(haystack: &str, name: &str) -> Option<usize> {
    haystack.match_indices("</").map(|(i, _)| i).find(|&i| {
        haystack[i + 2..]
            .get(..name.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
    })
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn markup_becomes_the_text_a_reader_sees() {
        assert_eq!(
            to_text("Who's <em>buried</em> in Grant's <span style=\"color: blue;\">tomb</span>?"),
            "Who's buried in Grant's tomb?"
        );
        assert_eq!(
            to_text("<p>One</p><p>Two<br>lines</p>"),
            "One\n\nTwo\nlines"
        );
        assert_eq!(
            to_text("Steps:<ul><li>first</li><li>second</li></ul>"),
            "Steps:\n\n- first\n- second"
        );
    }

    #[test]
    fn entities_decode_after_tags_are_gone() {
        // An escaped tag is text, not markup.
        assert_eq!(to_text("&lt;b&gt; &amp; &eacute;&#233;&#xE9;"), "<b> & ééé");
        assert_eq!(to_text("3 < 5 and 7 > 2"), "3 < 5 and 7 > 2");
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        assert_eq!(
            to_text("a<script>alert('x')</script>b<!-- note -->c<STYLE>p{}</STYLE>d"),
            "abcd"
        );
        // Unclosed constructs end the text rather than running on.
        assert_eq!(to_text("a<!-- never closed"), "a");
        assert_eq!(to_text("a<script>x"), "a");
        assert_eq!(to_text("a <b unclosed"), "a <b unclosed");
    }
}
