//! A card that follows the finger (or mouse): past the threshold it flies out
//! right, left or up; below it, it snaps back. Keys ←, →, ↑ do the same.

use dioxus::prelude::*;

/// Which way a card left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swipe {
    /// Take the interview.
    Right,
    /// Pass.
    Left,
    /// Need more info.
    Up,
}

/// Pixels of travel that count as a decision.
pub const THRESHOLD: f64 = 110.0;

/// The decision a drag of `(dx, dy)` makes, if any.
pub fn decide(dx: f64, dy: f64) -> Option<Swipe> {
    if dy < -THRESHOLD && dy.abs() > dx.abs() {
        Some(Swipe::Up)
    } else if dx > THRESHOLD {
        Some(Swipe::Right)
    } else if dx < -THRESHOLD {
        Some(Swipe::Left)
    } else {
        None
    }
}

/// The card. `children` is its face; `on_swipe` fires once it has flown out.
#[component]
pub fn SwipeCard(
    label: String,
    allow_up: bool,
    on_swipe: EventHandler<Swipe>,
    /// The last card was decided with a key: this one takes the focus so
    /// the keys go on working card after card. Otherwise the card waits to
    /// be focused (a click, Tab): an arrow pressed to scroll the page must
    /// never decide a lead.
    keyboard: Signal<bool>,
    children: Element,
) -> Element {
    let mut keyboard = keyboard;
    let mut mounted = use_signal(|| None::<std::rc::Rc<MountedData>>);
    let mut start = use_signal(|| None::<(f64, f64)>);
    let mut offset = use_signal(|| (0.0_f64, 0.0_f64));
    let mut leaving = use_signal(|| None::<Swipe>);

    let mut fly = move |dir: Swipe| {
        if leaving.peek().is_some() {
            return; // already on its way out: one gesture, one decision
        }
        leaving.set(Some(dir));
        spawn(async move {
            // let the fly-out transition play (it is switched off for reduced motion)
            let _ =
                document::eval("await new Promise(r => setTimeout(r, 180)); return true;").await;
            on_swipe.call(dir);
            leaving.set(None);
            offset.set((0.0, 0.0));
        });
    };
    let (dx, dy) = offset();
    let transform = match leaving() {
        Some(Swipe::Right) => "translate(150%, 0) rotate(18deg)".to_string(),
        Some(Swipe::Left) => "translate(-150%, 0) rotate(-18deg)".to_string(),
        Some(Swipe::Up) => "translate(0, -150%)".to_string(),
        None => format!(
            "translate({dx:.0}px, {dy:.0}px) rotate({:.1}deg)",
            dx / 20.0
        ),
    };
    let hint = match decide(dx, dy) {
        Some(Swipe::Right) => Some(("hint take", "Take it")),
        Some(Swipe::Left) => Some(("hint pass", "Pass")),
        Some(Swipe::Up) => Some(("hint info", "More info")),
        None => None,
    };
    let dragging = start().is_some();
    let move_drag = move |e: Event<PointerData>| {
        if let Some((sx, sy)) = start() {
            let p = e.client_coordinates();
            offset.set((p.x - sx, p.y - sy));
        }
    };
    let end_drag = move |_: Event<PointerData>| {
        if start().is_some() {
            start.set(None);
            let (dx, dy) = offset();
            match decide(dx, dy) {
                Some(Swipe::Up) if !allow_up => offset.set((0.0, 0.0)),
                Some(dir) => fly(dir),
                None => offset.set((0.0, 0.0)), // snap back
            }
        }
    };
    rsx! {
        div {
            class: if dragging { "card dragging" } else if leaving().is_some() { "card leaving" } else { "card" },
            "data-testid": "deck-card",
            role: "group",
            aria_label: "{label}",
            tabindex: "0",
            style: "transform: {transform}",
            // after a decision by key, the new top card takes focus so ← ↑ →
            // keep working card after card
            onmounted: move |e: Event<MountedData>| async move {
                mounted.set(Some(e.data()));
                if *keyboard.peek() {
                    let _ = e.set_focus(true).await;
                }
            },
            onpointerdown: move |e: Event<PointerData>| {
                keyboard.set(false);
                if leaving.peek().is_some() {
                    return;
                }
                let p = e.client_coordinates();
                start.set(Some((p.x - dx, p.y - dy)));
            },
            // A touch keeps sending its events to the card it started on, so the
            // card listens too; the window-wide catcher covers fast mouse drags.
            onpointermove: move_drag,
            onpointerup: end_drag,
            onpointercancel: end_drag,
            onkeydown: move |e: Event<KeyboardData>| {
                // Alt+← is "back", Ctrl+→ a word: keys with a modifier never decide
                if !e.modifiers().is_empty() {
                    return;
                }
                // scrolling the page, either way: the card lets go of the
                // keys (↑ is a scroll key too, so "more info" is I)
                if matches!(e.key(), Key::ArrowDown | Key::ArrowUp | Key::PageDown | Key::PageUp | Key::Home | Key::End) {
                    keyboard.set(false);
                    if let Some(m) = mounted() {
                        spawn(async move {
                            let _ = m.set_focus(false).await;
                        });
                    }
                    return;
                }
                let dir = match e.key() {
                    Key::ArrowRight => Some(Swipe::Right),
                    Key::ArrowLeft => Some(Swipe::Left),
                    Key::Character(c) if allow_up && c.eq_ignore_ascii_case("i") => Some(Swipe::Up),
                    _ => None,
                };
                if let Some(dir) = dir {
                    e.prevent_default();
                    if !e.is_auto_repeating() {
                        keyboard.set(true);
                        fly(dir);
                    }
                }
            },
            if let Some((class, text)) = hint {
                span { class: "{class}", aria_hidden: "true", "{text}" }
            }
            {children}
        }
        if dragging {
            // Catches the whole window while dragging so a fast drag is never lost.
            div {
                class: "drag-catcher",
                onpointermove: move_drag,
                onpointerup: end_drag,
                onpointercancel: end_drag,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_moves_snap_back_big_ones_decide() {
        assert_eq!(decide(50.0, -40.0), None);
        assert_eq!(decide(140.0, 10.0), Some(Swipe::Right));
        assert_eq!(decide(-140.0, 30.0), Some(Swipe::Left));
        assert_eq!(decide(20.0, -150.0), Some(Swipe::Up));
        assert_eq!(
            decide(160.0, -150.0),
            Some(Swipe::Right),
            "mostly sideways wins"
        );
    }
}
