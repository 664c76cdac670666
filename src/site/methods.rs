//! วิธีการจัดซื้อจัดจ้าง: every method of the Public Procurement Act B.E. 2560 a สขร.1 row or a
//! plan item can name. Goods and works (s.55): the general invitation as e-market, e-bidding or
//! price inquiry (สอบราคา), selection, specific. Consultants (s.70) and design or construction
//! supervision (s.82) have methods of their own, the latter with the design contest.
//! Sources: `docs/sources.md`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Msg;
use crate::diagnostic::codes;
use crate::site::source::nearest;
use crate::site::yaml::custom_error;

/// A procurement method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    EBidding,
    EMarket,
    /// วิธีสอบราคา: the general invitation where e-bidding cannot be used.
    PriceInquiry,
    Selection,
    Specific,
    /// จ้างที่ปรึกษาโดยวิธีประกาศเชิญชวนทั่วไป (s.70 (1)).
    ConsultantOpen,
    /// จ้างที่ปรึกษาโดยวิธีคัดเลือก (s.70 (2)).
    ConsultantSelection,
    /// จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง (s.70 (3)).
    ConsultantSpecific,
    /// จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกาศเชิญชวนทั่วไป (s.82 (1)).
    DesignOpen,
    /// ... โดยวิธีคัดเลือก (s.82 (2)).
    DesignSelection,
    /// ... โดยวิธีเฉพาะเจาะจง (s.82 (3)).
    DesignSpecific,
    /// ... โดยวิธีประกวดแบบ (s.82 (4)).
    DesignContest,
}

/// How OCDS classes a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Openness {
    Open,
    Selective,
    Direct,
}

impl Method {
    pub const ALL: [Method; 12] = [
        Method::EBidding,
        Method::EMarket,
        Method::PriceInquiry,
        Method::Selection,
        Method::Specific,
        Method::ConsultantOpen,
        Method::ConsultantSelection,
        Method::ConsultantSpecific,
        Method::DesignOpen,
        Method::DesignSelection,
        Method::DesignSpecific,
        Method::DesignContest,
    ];

    /// The key written in files and data.
    pub fn key(self) -> &'static str {
        match self {
            Method::EBidding => "e-bidding",
            Method::EMarket => "e-market",
            Method::PriceInquiry => "price-inquiry",
            Method::Selection => "selection",
            Method::Specific => "specific",
            Method::ConsultantOpen => "consultant-open",
            Method::ConsultantSelection => "consultant-selection",
            Method::ConsultantSpecific => "consultant-specific",
            Method::DesignOpen => "design-open",
            Method::DesignSelection => "design-selection",
            Method::DesignSpecific => "design-specific",
            Method::DesignContest => "design-contest",
        }
    }

    /// The Thai name as forms print it.
    pub fn label_th(self) -> &'static str {
        match self {
            Method::EBidding => "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            Method::EMarket => "วิธีตลาดอิเล็กทรอนิกส์ (e-market)",
            Method::PriceInquiry => "วิธีสอบราคา",
            Method::Selection => "วิธีคัดเลือก",
            Method::Specific => "วิธีเฉพาะเจาะจง",
            Method::ConsultantOpen => "จ้างที่ปรึกษาโดยวิธีประกาศเชิญชวนทั่วไป",
            Method::ConsultantSelection => "จ้างที่ปรึกษาโดยวิธีคัดเลือก",
            Method::ConsultantSpecific => "จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง",
            Method::DesignOpen => "จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกาศเชิญชวนทั่วไป",
            Method::DesignSelection => "จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีคัดเลือก",
            Method::DesignSpecific => "จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีเฉพาะเจาะจง",
            Method::DesignContest => "จ้างออกแบบโดยวิธีประกวดแบบ",
        }
    }

    /// A short name for chart labels.
    pub fn short_th(self) -> &'static str {
        match self {
            Method::EBidding => "e-bidding",
            Method::EMarket => "e-market",
            Method::PriceInquiry => "สอบราคา",
            Method::Selection => "คัดเลือก",
            Method::Specific => "เฉพาะเจาะจง",
            Method::ConsultantOpen => "ที่ปรึกษา (ประกาศเชิญชวน)",
            Method::ConsultantSelection => "ที่ปรึกษา (คัดเลือก)",
            Method::ConsultantSpecific => "ที่ปรึกษา (เฉพาะเจาะจง)",
            Method::DesignOpen => "ออกแบบ/ควบคุมงาน (ประกาศเชิญชวน)",
            Method::DesignSelection => "ออกแบบ/ควบคุมงาน (คัดเลือก)",
            Method::DesignSpecific => "ออกแบบ/ควบคุมงาน (เฉพาะเจาะจง)",
            Method::DesignContest => "ประกวดแบบ",
        }
    }

    pub fn openness(self) -> Openness {
        match self {
            Method::EBidding
            | Method::EMarket
            | Method::PriceInquiry
            | Method::ConsultantOpen
            | Method::DesignOpen
            | Method::DesignContest => Openness::Open,
            Method::Selection | Method::ConsultantSelection | Method::DesignSelection => {
                Openness::Selective
            }
            Method::Specific | Method::ConsultantSpecific | Method::DesignSpecific => {
                Openness::Direct
            }
        }
    }

    /// Other ways staff write the method: e-GP's wording and common short forms.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Method::EBidding => &["ebidding", "ประกวดราคาอิเล็กทรอนิกส์"],
            Method::EMarket => &["emarket", "ตลาดอิเล็กทรอนิกส์"],
            Method::PriceInquiry => &["สอบราคา"],
            Method::Selection => &["คัดเลือก"],
            Method::Specific => &["เฉพาะเจาะจง"],
            Method::ConsultantOpen => &["ที่ปรึกษาประกาศเชิญชวนทั่วไป"],
            Method::ConsultantSelection => &["ที่ปรึกษาคัดเลือก"],
            Method::ConsultantSpecific => &["ที่ปรึกษาเฉพาะเจาะจง"],
            Method::DesignOpen => &["ออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกาศเชิญชวนทั่วไป"],
            Method::DesignSelection => &["ออกแบบหรือควบคุมงานก่อสร้างโดยวิธีคัดเลือก"],
            Method::DesignSpecific => &["ออกแบบหรือควบคุมงานก่อสร้างโดยวิธีเฉพาะเจาะจง"],
            Method::DesignContest => &[
                "ประกวดแบบ",
                "จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกวดแบบ",
                "ออกแบบโดยวิธีประกวดแบบ",
            ],
        }
    }

    /// Reads a key or a Thai name (with or without วิธี, spaces ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let norm = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase()
        };
        let t = norm(text);
        let bare = t.trim_start_matches("วิธี");
        Method::ALL.into_iter().find(|m| {
            let label = norm(m.label_th());
            t == m.key()
                || t == label
                || bare == label.trim_start_matches("วิธี")
                || m.aliases().iter().any(|a| bare == norm(a) || t == norm(a))
        })
    }
}

impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Method;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a procurement method")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Method, E> {
                Method::parse(v).ok_or_else(|| {
                    let keys: Vec<&str> = Method::ALL.iter().map(|m| m.key()).collect();
                    let hint = nearest(&v.to_lowercase(), &keys)
                        .map(|k| {
                            (
                                format!("หมายถึง \"{k}\" หรือไม่? "),
                                format!("did you mean \"{k}\"? "),
                            )
                        })
                        .unwrap_or_default();
                    custom_error(
                        codes::BAD_METHOD,
                        Msg::new(
                            format!("ไม่รู้จักวิธีจัดซื้อจัดจ้าง \"{v}\""),
                            format!("\"{v}\" is not a procurement method"),
                        ),
                        Msg::new(
                            format!(
                                "{}ใช้ได้: e-bidding (ประกวดราคาอิเล็กทรอนิกส์), e-market (ตลาดอิเล็กทรอนิกส์), price-inquiry (สอบราคา), selection (คัดเลือก), specific (เฉพาะเจาะจง); จ้างที่ปรึกษา: consultant-open, consultant-selection, consultant-specific; จ้างออกแบบหรือควบคุมงาน: design-open, design-selection, design-specific, design-contest (ประกวดแบบ) หรือชื่อภาษาไทยตามแบบฟอร์ม",
                                hint.0
                            ),
                            format!(
                                "{}use e-bidding, e-market, price-inquiry, selection, specific; consultant-open, consultant-selection, consultant-specific; design-open, design-selection, design-specific, design-contest; or the Thai names",
                                hint.1
                            ),
                        ),
                    )
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl Serialize for Method {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_reads_back_from_its_key_and_its_thai_name() {
        for m in Method::ALL {
            assert_eq!(Method::parse(m.key()), Some(m), "{}", m.key());
            assert_eq!(Method::parse(m.label_th()), Some(m), "{}", m.label_th());
        }
        assert_eq!(Method::parse("วิธีสอบราคา"), Some(Method::PriceInquiry));
        assert_eq!(Method::parse("ประกวดแบบ"), Some(Method::DesignContest));
        assert_eq!(Method::parse("เฉพาะเจาะจง"), Some(Method::Specific));
        assert_eq!(
            Method::parse("จ้างที่ปรึกษาโดยวิธีคัดเลือก"),
            Some(Method::ConsultantSelection)
        );
        assert_eq!(Method::parse("ประมูล"), None);
    }
}
