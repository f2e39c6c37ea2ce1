//! Stop words and Snowball stemming per language: the last step of analysis, turning a folded
//! token into the term the index stores.
//!
//! English, French, Spanish and Arabic get rust-stemmers' Snowball stemmer and a stop list;
//! other languages keep folded tokens as they are. Tokens are folded before stemming (accents
//! are already gone), so a reader who types without accents finds the same terms. The browser
//! runs the same stemmers (`assets/search/stemmer-*.mjs`, ported from rust-stemmers) and gets
//! the stop lists from the generated `search/search.js`, so both sides share one list.

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

use super::normalize::fold;

/// Analysis for one language: which tokens are stop words and how the rest are stemmed.
pub(crate) struct Analyzer {
    stemmer: Option<Stemmer>,
    stop: HashSet<String>,
    /// Language code whose stemmer and stop list are used (`en`, `fr`, `es`, `ar`), if any.
    pub family: Option<&'static str>,
}

impl Analyzer {
    /// The analyzer for a language code (`fr`, `fr-CA`, `ar`...).
    pub(crate) fn for_language(code: &str) -> Self {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let (family, algorithm, list): (_, _, &str) = match primary.as_str() {
            "en" => ("en", Algorithm::English, ENGLISH),
            "fr" => ("fr", Algorithm::French, FRENCH),
            "es" => ("es", Algorithm::Spanish, SPANISH),
            "ar" => ("ar", Algorithm::Arabic, ARABIC),
            _ => {
                return Self {
                    stemmer: None,
                    stop: HashSet::new(),
                    family: None,
                }
            }
        };
        let stop = list.split_whitespace().map(fold).collect();
        Self {
            stemmer: Some(Stemmer::create(algorithm)),
            stop,
            family: Some(family),
        }
    }

    /// True if the folded token is a stop word of the language.
    pub(crate) fn is_stop_word(&self, token: &str) -> bool {
        self.stop.contains(token)
    }

    /// The term for a folded token that is not a stop word. Words with characters outside the
    /// Basic Multilingual Plane are left unstemmed (the JavaScript stemmers work on UTF-16
    /// units, so this keeps both sides identical).
    pub(crate) fn stem<'a>(&self, token: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.stemmer {
            Some(s) if token.chars().all(|c| (c as u32) < 0x10000) => s.stem(token),
            _ => std::borrow::Cow::Borrowed(token),
        }
    }

    /// The term for a folded token, or `None` for a stop word.
    pub(crate) fn term<'a>(&self, token: &'a str) -> Option<std::borrow::Cow<'a, str>> {
        if self.is_stop_word(token) {
            None
        } else {
            Some(self.stem(token))
        }
    }

    /// The folded stop words, sorted (written into the engine for the browser).
    pub(crate) fn stop_words(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.stop.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}

/// Snowball's English stop list, without the contractions the tokenizer splits anyway.
const ENGLISH: &str = "i me my myself we our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves what
which who whom this that these those am is are was were be been being have has had having do
does did doing would should could ought a an the and but if or because as until while of at by
for with about against between into through during before after above below to from up down in
out on off over under again further then once here there when where why how all any both each
few more most other some such no nor not only own same so than too very";

/// Snowball's French stop list.
const FRENCH: &str = "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur
lui ma mais me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur
ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante
étants étantes suis es est sommes êtes sont serai seras sera serons serez seront serais serait
serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois soit
soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes ayants eu eue
eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez
auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient
eusse eusses eût eussions eussiez eussent";

/// Snowball's Spanish stop list.
const SPANISH: &str = "de la que el en y a los del se las por un para con no una su al lo como
más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde
quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes
algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella
estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío
mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras
vuestro vuestra vuestros vuestras esos esas estoy estás está estamos estáis están esté estés
estemos estéis estén estaré estarás estará estaremos estaréis estarán estaría estarías
estaríamos estaríais estarían estaba estabas estábamos estabais estaban estuve estuviste estuvo
estuvimos estuvisteis estuvieron estuviera estuvieras estuviéramos estuvierais estuvieran
estuviese estuvieses estuviésemos estuvieseis estuviesen estando estado estada estados estadas
estad he has ha hemos habéis han haya hayas hayamos hayáis hayan habré habrás habrá habremos
habréis habrán habría habrías habríamos habríais habrían había habías habíamos habíais habían
hube hubiste hubo hubimos hubisteis hubieron hubiera hubieras hubiéramos hubierais hubieran
hubiese hubieses hubiésemos hubieseis hubiesen habiendo habido habida habidos habidas soy eres
es somos sois son sea seas seamos seáis sean seré serás será seremos seréis serán sería serías
seríamos seríais serían era eras éramos erais eran fui fuiste fue fuimos fuisteis fueron fuera
fueras fuéramos fuerais fueran fuese fueses fuésemos fueseis fuesen siendo sido tengo tienes
tiene tenemos tenéis tienen tenga tengas tengamos tengáis tengan tendré tendrás tendrá tendremos
tendréis tendrán tendría tendrías tendríamos tendríais tendrían tenía tenías teníamos teníais
tenían tuve tuviste tuvo tuvimos tuvisteis tuvieron tuviera tuvieras tuviéramos tuvierais
tuvieran tuviese tuvieses tuviésemos tuvieseis tuviesen teniendo tenido tenida tenidos tenidas
tened";

/// Arabic particles, pronouns and auxiliaries (Snowball has no Arabic stop list); folded like
/// any text, so spellings with and without hamza are both covered.
const ARABIC: &str = "في من على إلى الى عن مع هذا هذه ذلك تلك هؤلاء أولئك التي الذي الذين اللذين
اللتين اللواتي اللاتي هو هي هم هن هما نحن أنا أنت أنتم أنتن انتما كان كانت كانوا يكون تكون ليس
ليست أن إن لا لم لن ما ماذا متى أين كيف هل قد كل بعض بعد قبل بين عند حتى ثم أو أم بل لكن لقد
إذا إذ لو غير عليه عليها فيه فيها منه منها به بها له لها لهم عنه عنها أي أيضا كما مثل حيث هناك
هنا ذات وقد وكان ولا وهو وهي وفي ومن وعلى وأن وإن وما ولم ولكن فقط ضمن خلال حول دون تحت فوق
عندما لدى لدي منذ نحو";

#[cfg(test)]
mod tests {
    use super::Analyzer;

    #[test]
    fn stems_each_supported_language() {
        assert_eq!(Analyzer::for_language("en").stem("facilitators"), "facilit");
        assert_eq!(Analyzer::for_language("fr").stem("evenements"), "even");
        assert_eq!(
            Analyzer::for_language("es").stem("herramientas"),
            "herramient"
        );
        assert_eq!(Analyzer::for_language("ar").stem("المشكلات"), "مشكل");
    }

    #[test]
    fn drops_stop_words_after_folding() {
        let fr = Analyzer::for_language("fr-CA");
        assert!(fr.term("ete").is_none(), "été folds to ete");
        assert!(fr.term("atelier").is_some());
        assert!(Analyzer::for_language("ar")
            .term(&crate::search::normalize::fold("إلى"))
            .is_none());
    }

    #[test]
    fn other_languages_are_not_stemmed() {
        let de = Analyzer::for_language("de");
        assert_eq!(de.term("häuser").as_deref(), Some("häuser"));
        assert!(de.family.is_none());
    }
}
