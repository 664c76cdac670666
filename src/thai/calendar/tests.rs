//! The calendar's rules, held against the dates they are about.
use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

#[test]
fn year_conversion() {
    assert_eq!(to_ce_year(2566), 2023);
    assert_eq!(to_ce_year(2400), 1857);
    assert_eq!(to_ce_year(2399), 2399);
    assert_eq!(to_ce_year(2023), 2023);
    assert_eq!(be(2023), 2566);
    assert_eq!(be_year(ymd(2023, 1, 15)), 2566);
}

#[test]
fn be_and_ce_dates_are_the_same_day() {
    let day = ymd(2023, 1, 15);
    assert_eq!(parse_date("2566-01-15"), Ok(day));
    assert_eq!(parse_date("2023-01-15"), Ok(day));
    assert_eq!(parse_date("๒๕๖๖-๐๑-๑๕"), Ok(day));
    assert_eq!(parse_date("  2566-01-15\n"), Ok(day));
    assert_eq!(parse_date("2566-1-15"), Ok(day));
}

#[test]
fn year_2399_is_ce() {
    assert_eq!(parse_date("2399-01-01"), Ok(ymd(2399, 1, 1)));
    assert_eq!(parse_date("2400-01-01"), Ok(ymd(1857, 1, 1)));
}

#[test]
fn leap_days() {
    // 2567 BE = 2024 CE, a leap year.
    assert_eq!(parse_date("2567-02-29"), Ok(ymd(2024, 2, 29)));
    assert_eq!(
        parse_date("2566-02-29"),
        Err(DateError::ImpossibleDate {
            year_be: 2566,
            month: 2,
            day: 29
        })
    );
}

#[test]
fn impossible_dates() {
    let err = parse_date("2566-02-30").unwrap_err();
    assert_eq!(
        err,
        DateError::ImpossibleDate {
            year_be: 2566,
            month: 2,
            day: 30
        }
    );
    assert_eq!(
        err.th(),
        "วันที่ 30 กุมภาพันธ์ 2566 ไม่มีอยู่จริง (เดือนกุมภาพันธ์ปีนั้นมี 28 วัน)"
    );
    assert_eq!(
        err.en(),
        "30 February 2566 BE does not exist (February of that year has 28 days)"
    );
    // A CE year is reported in BE.
    assert_eq!(parse_date("2023-02-30"), Err(err));

    let err = parse_date("2566-04-31").unwrap_err();
    assert_eq!(err.th(), "วันที่ 31 เมษายน 2566 ไม่มีอยู่จริง (เดือนเมษายนมี 30 วัน)");
    assert_eq!(
        err.en(),
        "31 April 2566 BE does not exist (April has 30 days)"
    );

    assert_eq!(
        parse_date("2566-01-00"),
        Err(DateError::ImpossibleDate {
            year_be: 2566,
            month: 1,
            day: 0
        })
    );
    assert_eq!(
        parse_date("2566-01-32"),
        Err(DateError::ImpossibleDate {
            year_be: 2566,
            month: 1,
            day: 32
        })
    );
}

#[test]
fn month_out_of_range() {
    assert_eq!(
        parse_date("2566-13-01"),
        Err(DateError::MonthOutOfRange { month: 13 })
    );
    assert_eq!(
        parse_date("2566-00-01"),
        Err(DateError::MonthOutOfRange { month: 0 })
    );
    assert_eq!(
        YearMonth::parse("2566-13"),
        Err(DateError::MonthOutOfRange { month: 13 })
    );
    let err = DateError::MonthOutOfRange { month: 13 };
    assert!(err.th().contains("13") && err.th().contains("01 ถึง 12"));
    assert!(err.en().contains("13") && err.en().contains("01 to 12"));
}

#[test]
fn bad_date_formats() {
    for s in [
        "",
        "   ",
        "abc",
        "15/01/2566",
        "15-01-2566",
        "2566/01/15",
        "2566-01",
        "2566-01-15-01",
        "66-01-15",
        "02566-01-15",
        "2566-001-15",
        "2566-01-015",
        "2566-01-1x",
        "2566-+1-15",
        "2566 -01-15",
        "2566-01-15T00:00",
        "๒๕๖๖-๐๑-",
    ] {
        assert_eq!(parse_date(s), Err(DateError::Format), "{s:?}");
    }
    let err = DateError::Format;
    assert!(err.en().contains("YYYY-MM-DD") && err.en().contains("2566-01-15"));
    assert!(err.th().contains("2566-01-15"));
}

#[test]
fn year_month_parse() {
    let jan = YearMonth {
        year: 2023,
        month: 1,
    };
    assert_eq!(YearMonth::parse("2566-01"), Ok(jan));
    assert_eq!(YearMonth::parse("2023-01"), Ok(jan));
    assert_eq!(YearMonth::parse("๒๕๖๖-๐๑"), Ok(jan));
    assert_eq!(YearMonth::parse(" 2566-1 "), Ok(jan));
    for s in ["", "2566", "2566-01-15", "01-2566", "2566-", "abc"] {
        assert_eq!(
            YearMonth::parse(s),
            Err(DateError::YearMonthFormat),
            "{s:?}"
        );
    }
    assert!(DateError::YearMonthFormat.en().contains("2566-01"));
    assert!(DateError::YearMonthFormat.th().contains("2566-01"));
}

#[test]
fn year_month_days() {
    let feb_2024 = YearMonth {
        year: 2024,
        month: 2,
    };
    assert_eq!(feb_2024.first_day(), ymd(2024, 2, 1));
    assert_eq!(feb_2024.last_day(), ymd(2024, 2, 29));
    assert_eq!(
        YearMonth {
            year: 2023,
            month: 2
        }
        .last_day(),
        ymd(2023, 2, 28)
    );
    assert_eq!(
        YearMonth {
            year: 1900,
            month: 2
        }
        .last_day(),
        ymd(1900, 2, 28)
    );
    assert_eq!(
        YearMonth {
            year: 2000,
            month: 2
        }
        .last_day(),
        ymd(2000, 2, 29)
    );
    assert_eq!(
        YearMonth {
            year: 2023,
            month: 12
        }
        .last_day(),
        ymd(2023, 12, 31)
    );
    assert_eq!(
        YearMonth {
            year: 2023,
            month: 9
        }
        .last_day(),
        ymd(2023, 9, 30)
    );
    assert_eq!(
        YearMonth::of(ymd(2023, 1, 15)),
        YearMonth {
            year: 2023,
            month: 1
        }
    );
}

#[test]
fn year_month_succ_iso_and_order() {
    let dec = YearMonth {
        year: 2022,
        month: 12,
    };
    assert_eq!(
        dec.succ(),
        YearMonth {
            year: 2023,
            month: 1
        }
    );
    assert_eq!(
        YearMonth {
            year: 2023,
            month: 1
        }
        .succ(),
        YearMonth {
            year: 2023,
            month: 2
        }
    );
    assert_eq!(
        YearMonth {
            year: 2023,
            month: 1
        }
        .iso(),
        "2023-01"
    );
    assert!(dec < dec.succ());
    assert!(
        YearMonth {
            year: 2022,
            month: 11
        } < dec
    );
}

#[test]
fn out_of_range_values_do_not_panic() {
    let odd = YearMonth {
        year: i32::MAX,
        month: 99,
    };
    let _ = (
        odd.first_day(),
        odd.last_day(),
        odd.succ(),
        odd.iso(),
        odd.fiscal_year(),
    );
    let _ = format_month_short(odd, Numerals::Thai);
    let _ = format_month_long(
        YearMonth {
            year: i32::MIN,
            month: 0,
        },
        Numerals::Thai,
    );
    let _ = YearMonth {
        year: i32::MIN,
        month: 0,
    }
    .last_day();
    for fy in [FiscalYear(i32::MIN), FiscalYear(i32::MAX), FiscalYear(0)] {
        let _ = (fy.start(), fy.end(), fy.months(), fy.to_string());
    }
    let _ = DateError::ImpossibleDate {
        year_be: i32::MIN,
        month: 0,
        day: 99,
    }
    .th();
    let _ = DateError::ImpossibleDate {
        year_be: i32::MAX,
        month: 77,
        day: 0,
    }
    .en();
    let _ = format_date(NaiveDate::MIN, Numerals::Thai);
    let _ = format_date_long(NaiveDate::MAX, Numerals::Arabic);
    let _ = FiscalYear::of(NaiveDate::MAX);
}

/// Every string of up to five characters from a small alphabet, alone and after a year
/// or a year and month: no panics, every message can be written, and every date that
/// parses is read back as the same day.
#[test]
fn parse_never_panics() {
    let alphabet = ["0", "1", "2", "9", "-", " ", "๒", "x"];
    let mut inputs = vec![String::new()];
    for _ in 0..5 {
        let longer: Vec<String> = inputs
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        for s in &longer {
            for input in [s.clone(), format!("2566-{s}"), format!("2024-02-{s}")] {
                match parse_date(&input) {
                    Ok(d) => assert_eq!(parse_date(&d.to_string()), Ok(d), "{input:?}"),
                    Err(e) => assert!(!e.th().is_empty() && !e.en().is_empty()),
                }
            }
            if let Ok(ym) = YearMonth::parse(&format!("25{s}")) {
                assert_eq!(YearMonth::parse(&ym.iso()), Ok(ym));
            }
            let _ = FiscalYear::parse(s).map(FiscalYear::months);
        }
        inputs = longer;
    }
}

#[test]
fn fiscal_year_boundaries() {
    assert_eq!(FiscalYear::of(ymd(2022, 9, 30)), FiscalYear(2565));
    assert_eq!(FiscalYear::of(ymd(2022, 10, 1)), FiscalYear(2566));
    assert_eq!(FiscalYear::of(ymd(2023, 9, 30)), FiscalYear(2566));
    assert_eq!(FiscalYear::of(ymd(2022, 12, 31)), FiscalYear(2566));
    assert_eq!(FiscalYear::of(ymd(2023, 1, 1)), FiscalYear(2566));

    let fy = FiscalYear(2566);
    assert_eq!(fy.start(), ymd(2022, 10, 1));
    assert_eq!(fy.end(), ymd(2023, 9, 30));
    assert!(fy.contains(ymd(2022, 10, 1)));
    assert!(fy.contains(ymd(2023, 9, 30)));
    assert!(!fy.contains(ymd(2022, 9, 30)));
    assert!(!fy.contains(ymd(2023, 10, 1)));
    assert_eq!(fy.be(), 2566);
    assert_eq!(fy.to_string(), "2566");
    assert_eq!(
        YearMonth {
            year: 2022,
            month: 10
        }
        .fiscal_year(),
        fy
    );
    assert_eq!(
        YearMonth {
            year: 2022,
            month: 9
        }
        .fiscal_year(),
        FiscalYear(2565)
    );
}

#[test]
fn fiscal_year_months_run_october_to_september() {
    let months = FiscalYear(2566).months();
    assert_eq!(
        months[0],
        YearMonth {
            year: 2022,
            month: 10
        }
    );
    assert_eq!(
        months[2],
        YearMonth {
            year: 2022,
            month: 12
        }
    );
    assert_eq!(
        months[3],
        YearMonth {
            year: 2023,
            month: 1
        }
    );
    assert_eq!(
        months[11],
        YearMonth {
            year: 2023,
            month: 9
        }
    );
    assert!(months.windows(2).all(|w| w[0].succ() == w[1]));
    assert!(months.iter().all(|m| m.fiscal_year() == FiscalYear(2566)));
}

#[test]
fn fiscal_year_parse() {
    assert_eq!(FiscalYear::parse("2566"), Ok(FiscalYear(2566)));
    assert_eq!(FiscalYear::parse("๒๕๖๖"), Ok(FiscalYear(2566)));
    assert_eq!(FiscalYear::parse("2023"), Ok(FiscalYear(2566)));
    assert_eq!(FiscalYear::parse(" 2566 "), Ok(FiscalYear(2566)));
    for s in ["", "66", "25666", "2566-01", "พ.ศ.", "-2566"] {
        assert_eq!(
            FiscalYear::parse(s),
            Err(DateError::FiscalYearFormat),
            "{s:?}"
        );
    }
    assert!(DateError::FiscalYearFormat.th().contains("2566"));
}

#[test]
fn formatting() {
    let d = ymd(2023, 1, 15);
    assert_eq!(format_date(d, Numerals::Arabic), "15 ม.ค. 2566");
    assert_eq!(format_date(d, Numerals::Thai), "๑๕ ม.ค. ๒๕๖๖");
    assert_eq!(
        format_date(ymd(2023, 1, 5), Numerals::Arabic),
        "5 ม.ค. 2566"
    );
    assert_eq!(format_date_long(d, Numerals::Arabic), "15 มกราคม 2566");
    assert_eq!(format_date_long(d, Numerals::Thai), "๑๕ มกราคม ๒๕๖๖");

    let oct = YearMonth {
        year: 2022,
        month: 10,
    };
    assert_eq!(format_month_short(oct, Numerals::Thai), "ต.ค. ๖๕");
    assert_eq!(format_month_short(oct, Numerals::Arabic), "ต.ค. 65");
    assert_eq!(format_month_long(oct, Numerals::Arabic), "ตุลาคม 2565");
    // BE 2600 ends in 00.
    let ym = YearMonth {
        year: 2057,
        month: 1,
    };
    assert_eq!(format_month_short(ym, Numerals::Arabic), "ม.ค. 00");
}

#[test]
fn month_tables() {
    assert_eq!(MONTHS[0], "มกราคม");
    assert_eq!(MONTHS[11], "ธันวาคม");
    assert_eq!(MONTHS_ABBR[9], "ต.ค.");
    assert_eq!(MONTHS_ABBR[8], "ก.ย.");
}

#[test]
fn display_is_thai() {
    assert_eq!(DateError::Format.to_string(), DateError::Format.th());
}
