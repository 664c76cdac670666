//! Announcements in the course of a procurement: the invitation (ประกาศเชิญชวน), the winner
//! announcement (ประกาศผู้ชนะการเสนอราคา, Public Procurement Act B.E. 2560 s.66), a cancellation,
//! the contract or purchase order. Each is a Markdown document whose front matter says which
//! step it announces and which plan item it belongs to:
//!
//! ```yaml
//! procurement:
//!   notice: winner          # or the e-GP announcement type, e.g. W0
//!   plan_item: "66-003"
//!   egp_project: "66019123456"
//! ```
//!
//! The plan item joins the notice to its reference price and its สขร.1 row
//! ([`crate::site::projects`]).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Msg;
use crate::diagnostic::codes;
use crate::site::source::nearest;
use crate::site::values::Fy;
use crate::site::yaml::custom_error;

/// The step of a procurement a notice announces, with the announcement type e-GP gives it
/// (the `anounceType` of e-GP's announcement feed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoticeKind {
    /// ร่างเอกสารประกวดราคา / ร่างขอบเขตของงาน put out for public comment (e-GP B0).
    Draft,
    /// ประกาศเชิญชวน (e-GP D0).
    Invitation,
    /// เปลี่ยนแปลงประกาศเชิญชวน (e-GP D2).
    InvitationChanged,
    /// ยกเลิกประกาศเชิญชวน (e-GP D1).
    InvitationCancelled,
    /// ประกาศผู้ชนะการเสนอราคา / ผู้ได้รับการคัดเลือก (e-GP W0), with the reasons of s.66.
    Winner,
    /// เปลี่ยนแปลงประกาศผู้ชนะ (e-GP W2).
    WinnerChanged,
    /// ยกเลิกประกาศผู้ชนะ (e-GP W1).
    WinnerCancelled,
    /// สัญญาหรือใบสั่งซื้อใบสั่งจ้าง: e-GP keeps contracts apart from its announcements.
    Contract,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 8] = [
        NoticeKind::Draft,
        NoticeKind::Invitation,
        NoticeKind::InvitationChanged,
        NoticeKind::InvitationCancelled,
        NoticeKind::Winner,
        NoticeKind::WinnerChanged,
        NoticeKind::WinnerCancelled,
        NoticeKind::Contract,
    ];

    /// The key written in files and data.
    pub fn key(self) -> &'static str {
        match self {
            NoticeKind::Draft => "draft",
            NoticeKind::Invitation => "invitation",
            NoticeKind::InvitationChanged => "invitation_changed",
            NoticeKind::InvitationCancelled => "invitation_cancelled",
            NoticeKind::Winner => "winner",
            NoticeKind::WinnerChanged => "winner_changed",
            NoticeKind::WinnerCancelled => "winner_cancelled",
            NoticeKind::Contract => "contract",
        }
    }

    /// e-GP's announcement type, where e-GP has one.
    pub fn egp_code(self) -> Option<&'static str> {
        Some(match self {
            NoticeKind::Draft => "B0",
            NoticeKind::Invitation => "D0",
            NoticeKind::InvitationChanged => "D2",
            NoticeKind::InvitationCancelled => "D1",
            NoticeKind::Winner => "W0",
            NoticeKind::WinnerChanged => "W2",
            NoticeKind::WinnerCancelled => "W1",
            NoticeKind::Contract => return None,
        })
    }

    pub fn label_th(self) -> &'static str {
        match self {
            NoticeKind::Draft => "ร่างเอกสารประกวดราคา",
            NoticeKind::Invitation => "ประกาศเชิญชวน",
            NoticeKind::InvitationChanged => "เปลี่ยนแปลงประกาศเชิญชวน",
            NoticeKind::InvitationCancelled => "ยกเลิกประกาศเชิญชวน",
            NoticeKind::Winner => "ประกาศผู้ชนะการเสนอราคา",
            NoticeKind::WinnerChanged => "เปลี่ยนแปลงประกาศผู้ชนะการเสนอราคา",
            NoticeKind::WinnerCancelled => "ยกเลิกประกาศผู้ชนะการเสนอราคา",
            NoticeKind::Contract => "สัญญาหรือใบสั่งซื้อสั่งจ้าง",
        }
    }

    /// Whether the notice calls off what an earlier one announced.
    pub fn cancels(self) -> bool {
        matches!(
            self,
            NoticeKind::InvitationCancelled | NoticeKind::WinnerCancelled
        )
    }

    /// Reads a key, an e-GP announcement type or a Thai name (spaces ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        NoticeKind::ALL.into_iter().find(|k| {
            t == k.key()
                || k.egp_code().is_some_and(|c| t.eq_ignore_ascii_case(c))
                || t == k.label_th().replace(' ', "")
                || k.aliases().contains(&t.as_str())
        })
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            NoticeKind::Draft => &["ร่างtor", "ร่างขอบเขตของงาน", "ร่างขอบเขตของงาน(tor)"],
            NoticeKind::Invitation => &["ประกาศประกวดราคา", "ประกาศสอบราคา"],
            NoticeKind::Winner => &[
                "ประกาศรายชื่อผู้ชนะการเสนอราคา",
                "ประกาศผู้ชนะ",
                "ประกาศผู้ได้รับการคัดเลือก",
                "ประกาศรายชื่อผู้ชนะการเสนอราคาหรือผู้ได้รับการคัดเลือก",
            ],
            NoticeKind::WinnerCancelled => &["ยกเลิกประกาศผู้ชนะ"],
            NoticeKind::WinnerChanged => &["เปลี่ยนแปลงประกาศผู้ชนะ"],
            NoticeKind::Contract => &["สัญญา", "ใบสั่งซื้อ", "ใบสั่งจ้าง", "po"],
            _ => &[],
        }
    }
}

impl<'de> Deserialize<'de> for NoticeKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = NoticeKind;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a procurement notice type")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<NoticeKind, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<NoticeKind, E> {
                NoticeKind::parse(v).ok_or_else(|| not_a_notice(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for NoticeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// The error for a `notice:` prongsai does not know. e-GP's plan (P0) and reference-price (15)
/// announcements have records of their own, so the help points there.
fn not_a_notice<E: de::Error>(v: &str) -> E {
    let message = Msg::new(
        format!("ไม่รู้จักประเภทประกาศ \"{v}\""),
        format!("\"{v}\" is not a procurement notice type"),
    );
    let t = v.trim().to_lowercase();
    let help = if t == "p0" || t.contains("แผน") {
        Msg::new(
            "แผนการจัดซื้อจัดจ้างเขียนเป็นไฟล์ content/procurement/plans/ปี.yaml ไม่ใช่ประกาศ",
            "a procurement plan is a file of its own, content/procurement/plans/YEAR.yaml",
        )
    } else if t == "15" || t.contains("ราคากลาง") {
        Msg::new(
            "ประกาศราคากลางเขียนเป็นไฟล์ใน content/procurement/reference-prices/ (แบบ บก.01–07) ไม่ใช่ประกาศ",
            "a reference price is a file of its own in content/procurement/reference-prices/ (forms บก.01–07)",
        )
    } else {
        let keys: Vec<&str> = NoticeKind::ALL.iter().map(|k| k.key()).collect();
        let hint = nearest(&t, &keys)
            .map(|k| {
                (
                    format!("หมายถึง \"{k}\" หรือไม่? "),
                    format!("did you mean \"{k}\"? "),
                )
            })
            .unwrap_or_default();
        Msg::new(
            format!(
                "{}ใช้ได้: draft (ร่างเอกสารประกวดราคา, B0), invitation (ประกาศเชิญชวน, D0), invitation_changed (D2), invitation_cancelled (D1), winner (ประกาศผู้ชนะการเสนอราคา, W0), winner_changed (W2), winner_cancelled (W1), contract (สัญญาหรือใบสั่งซื้อสั่งจ้าง)",
                hint.0
            ),
            format!(
                "{}use draft (B0), invitation (D0), invitation_changed (D2), invitation_cancelled (D1), winner (W0), winner_changed (W2), winner_cancelled (W1) or contract",
                hint.1
            ),
        )
    };
    custom_error(codes::BAD_NOTICE, message, help)
}

/// The `procurement:` block of a notice's front matter.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeRef {
    pub notice: NoticeKind,
    /// The id of the item in the procurement plan of the notice's fiscal year.
    pub plan_item: Option<String>,
    /// The fiscal year of that plan, when it is not the year of the notice's date (an
    /// invitation put out in September for next year's budget).
    pub fiscal_year: Option<Fy>,
    /// เลขที่โครงการ in e-GP.
    pub egp_project: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_egp_codes_and_thai_names() {
        assert_eq!(NoticeKind::parse("W0"), Some(NoticeKind::Winner));
        assert_eq!(
            NoticeKind::parse("d1"),
            Some(NoticeKind::InvitationCancelled)
        );
        assert_eq!(
            NoticeKind::parse("ประกาศ เชิญชวน"),
            Some(NoticeKind::Invitation)
        );
        assert_eq!(
            NoticeKind::parse("ประกาศรายชื่อผู้ชนะการเสนอราคา"),
            Some(NoticeKind::Winner)
        );
        assert_eq!(NoticeKind::parse("contract"), Some(NoticeKind::Contract));
        assert_eq!(NoticeKind::parse("15"), None);
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.key()), Some(k));
            assert_eq!(NoticeKind::parse(k.label_th()), Some(k));
        }
    }
}
