//! Property tests for the RSQL filter parser and evaluator (reference §1.4): generated
//! expressions over typed fields round-trip through their text form, arbitrary input never
//! panics, and the operators keep their logical meaning (`;` is AND, `,` is OR, `!=` negates
//! `==`, `=out=` negates `=in=`, aliases and keywords mean the same as symbols).

use chariot_sim::rsql::{Expr, Op, Value, parse, parse_date};
use proptest::prelude::*;

/// A device-like record with one field of each type, one multi-valued.
#[derive(Debug, Clone)]
struct Rec {
    name: String,
    battery: i64,
    lost: bool,
    day: u32,
    groups: Vec<String>,
}

impl Rec {
    fn lookup(&self, f: &str) -> Vec<Value> {
        match f {
            "name" => vec![Value::Str(self.name.clone())],
            "battery" => vec![Value::Num(self.battery as f64)],
            "lost" => vec![Value::Bool(self.lost)],
            "seen" => vec![Value::Date(date(self.day))],
            "groups" => self.groups.iter().map(|g| Value::Str(g.clone())).collect(),
            _ => vec![Value::Null],
        }
    }
}

fn date(day: u32) -> chrono::DateTime<chrono::Utc> {
    parse_date(&format!("2026-03-{day:02}T10:00:00Z")).unwrap()
}

fn eval(e: &Expr, r: &Rec) -> bool {
    e.eval(&|f| r.lookup(f))
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 -]{0,6}[A-Za-z0-9]".prop_map(|s| s)
}

fn rec() -> impl Strategy<Value = Rec> {
    (
        word(),
        0i64..=100,
        any::<bool>(),
        1u32..=28,
        prop::collection::vec(word(), 0..3),
    )
        .prop_map(|(name, battery, lost, day, groups)| Rec {
            name,
            battery,
            lost,
            day,
            groups,
        })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Eq),
        Just(Op::Ne),
        Just(Op::Lt),
        Just(Op::Le),
        Just(Op::Gt),
        Just(Op::Ge),
        Just(Op::In),
        Just(Op::Out),
    ]
}

/// A literal for a field: words (sometimes with a `*` wildcard), numbers, booleans, dates.
fn literal(field: &'static str) -> BoxedStrategy<String> {
    match field {
        "battery" => (0i64..=100).prop_map(|n| n.to_string()).boxed(),
        "lost" => prop_oneof![Just("true".to_string()), Just("false".to_string())].boxed(),
        "seen" => (1u32..=28)
            .prop_map(|d| format!("2026-03-{d:02}T10:00:00Z"))
            .boxed(),
        _ => prop_oneof![
            3 => word(),
            1 => word().prop_map(|w| format!("*{}*", &w[..1])),
        ]
        .boxed(),
    }
}

fn cmp() -> impl Strategy<Value = Expr> {
    prop_oneof![
        Just("name"),
        Just("battery"),
        Just("lost"),
        Just("seen"),
        Just("groups")
    ]
    .prop_flat_map(|field| {
        (op(), prop::collection::vec(literal(field), 1..4)).prop_map(move |(op, mut values)| {
            if !matches!(op, Op::In | Op::Out) {
                values.truncate(1);
            }
            Expr::Cmp {
                field: field.to_string(),
                op,
                values,
            }
        })
    })
}

fn expr() -> impl Strategy<Value = Expr> {
    cmp().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
            prop::collection::vec(inner, 2..4).prop_map(Expr::Or),
        ]
    })
}

fn quote(v: &str) -> String {
    if v.contains(' ') {
        format!("\"{v}\"")
    } else {
        v.to_string()
    }
}

/// Text form of an expression; `style` picks symbol or alias spellings, separators and
/// spacing, so every spelling the parser accepts gets exercised.
fn render(e: &Expr, style: u8) -> String {
    let alias = style & 1 == 1;
    let words = style & 2 == 2;
    let pipe = style & 4 == 4;
    let child = |c: &Expr| match c {
        Expr::Cmp { .. } => render(c, style),
        _ => format!("({})", render(c, style)),
    };
    match e {
        Expr::And(v) => {
            v.iter()
                .map(child)
                .collect::<Vec<_>>()
                .join(if words { " and " } else { ";" })
        }
        Expr::Or(v) => {
            v.iter()
                .map(child)
                .collect::<Vec<_>>()
                .join(if words { " or " } else { "," })
        }
        Expr::Cmp { field, op, values } => {
            let o = match (op, alias) {
                (Op::Eq, _) => "==",
                (Op::Ne, _) => "!=",
                (Op::Lt, false) => "<",
                (Op::Lt, true) => "=lt=",
                (Op::Le, false) => "<=",
                (Op::Le, true) => "=le=",
                (Op::Gt, false) => ">",
                (Op::Gt, true) => "=gt=",
                (Op::Ge, false) => ">=",
                (Op::Ge, true) => "=ge=",
                (Op::In, _) => "=in=",
                (Op::Out, _) => "=out=",
            };
            if matches!(op, Op::In | Op::Out) {
                let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
                format!("{field}{o}({})", items.join(if pipe { "|" } else { "," }))
            } else {
                format!("{field}{o}{}", quote(&values[0]))
            }
        }
    }
}

fn with_op(e: &Expr, new: Op) -> Expr {
    match e {
        Expr::Cmp { field, values, .. } => Expr::Cmp {
            field: field.clone(),
            op: new,
            values: values.clone(),
        },
        other => other.clone(),
    }
}

proptest! {
    #[test]
    fn generated_filters_round_trip(e in expr(), style in 0u8..8) {
        let text = render(&e, style);
        let parsed = parse(&text);
        prop_assert_eq!(parsed.as_ref(), Ok(&e), "{}", text);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,40}") {
        let _ = parse(&s);
    }

    #[test]
    fn rsql_shaped_text_never_panics(s in "[a-z=!<>;,()'\" *|0-9.:-]{0,40}") {
        if let Ok(e) = parse(&s) {
            // Whatever parsed can be evaluated, even on fields the record lacks.
            let r = Rec { name: "x".into(), battery: 1, lost: false, day: 1, groups: vec![] };
            let _ = eval(&e, &r);
        }
    }

    #[test]
    fn semicolon_is_and_comma_is_or(a in expr(), b in expr(), r in rec(), style in 0u8..8) {
        let (ta, tb) = (render(&a, style), render(&b, style));
        let and = parse(&format!("({ta});({tb})")).unwrap();
        let or = parse(&format!("({ta}),({tb})")).unwrap();
        let and_kw = parse(&format!("({ta}) and ({tb})")).unwrap();
        let or_kw = parse(&format!("({ta}) or ({tb})")).unwrap();
        let (ea, eb) = (eval(&a, &r), eval(&b, &r));
        prop_assert_eq!(eval(&and, &r), ea && eb);
        prop_assert_eq!(eval(&or, &r), ea || eb);
        prop_assert_eq!(eval(&and_kw, &r), ea && eb);
        prop_assert_eq!(eval(&or_kw, &r), ea || eb);
    }

    #[test]
    fn negations_and_membership(c in cmp(), r in rec()) {
        let eq = with_op(&c, Op::Eq);
        let ne = with_op(&c, Op::Ne);
        prop_assert_eq!(eval(&ne, &r), !eval(&eq, &r));
        let inn = with_op(&c, Op::In);
        let out = with_op(&c, Op::Out);
        prop_assert_eq!(eval(&out, &r), !eval(&inn, &r));
        // `=in=(a,b)` means `f==a,f==b`.
        if let Expr::Cmp { field, values, .. } = &c {
            let ors = Expr::Or(
                values
                    .iter()
                    .map(|v| Expr::Cmp { field: field.clone(), op: Op::Eq, values: vec![v.clone()] })
                    .collect(),
            );
            prop_assert_eq!(eval(&inn, &r), eval(&ors, &r));
        }
    }

    #[test]
    fn comparisons_split_the_line(c in cmp(), r in rec()) {
        // On single-valued numbers and dates: exactly one of <, ==, > holds.
        if let Expr::Cmp { field, values, .. } = &c
            && (field == "battery" || field == "seen")
        {
            let c = Expr::Cmp { field: field.clone(), op: Op::Eq, values: vec![values[0].clone()] };
            let lt = eval(&with_op(&c, Op::Lt), &r);
            let eq = eval(&with_op(&c, Op::Eq), &r);
            let gt = eval(&with_op(&c, Op::Gt), &r);
            prop_assert_eq!(lt as u8 + eq as u8 + gt as u8, 1);
            prop_assert_eq!(eval(&with_op(&c, Op::Le), &r), lt || eq);
            prop_assert_eq!(eval(&with_op(&c, Op::Ge), &r), gt || eq);
        }
    }

    #[test]
    fn string_equality_ignores_case(r in rec()) {
        let up = parse(&format!("name=={}", quote(&r.name.to_uppercase()))).unwrap();
        let low = parse(&format!("name=={}", quote(&r.name.to_lowercase()))).unwrap();
        prop_assert!(eval(&up, &r));
        prop_assert!(eval(&low, &r));
    }
}
