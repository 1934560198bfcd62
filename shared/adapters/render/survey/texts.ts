/**
 * The citizen pages' words, Bahasa Indonesia first, English beside it: one object per key, so a key
 * cannot exist in one language only. The nine questions and their four answers follow the
 * questionnaire of PermenPAN-RB 14/2017 (Lampiran), in plain words; answer 1 is the lowest, 4 the highest.
 */
import type { Bilingual } from '../../../domain/text';

export type SurveyLocale = 'id' | 'en';

export interface Question {
  /** The element's short name (unsur). */
  name: Bilingual;
  question: Bilingual;
  /** Answers 1–4, lowest first. */
  answers: readonly [Bilingual, Bilingual, Bilingual, Bilingual];
}

const scale = (id: [string, string, string, string], en: [string, string, string, string]) =>
  [0, 1, 2, 3].map((i) => ({ id: id[i]!, en: en[i]! })) as unknown as Question['answers'];

export const QUESTIONS: readonly Question[] = [
  {
    name: { id: 'Persyaratan', en: 'Requirements' },
    question: { id: 'Apakah persyaratan layanan sesuai dengan jenis layanannya?', en: 'Did the requirements fit the service you asked for?' },
    answers: scale(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'], ['Not suitable', 'Somewhat unsuitable', 'Suitable', 'Very suitable']),
  },
  {
    name: { id: 'Prosedur', en: 'Procedure' },
    question: { id: 'Seberapa mudah prosedur (langkah-langkah) layanan ini?', en: 'How easy were the steps of this service?' },
    answers: scale(['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'], ['Not easy', 'Not very easy', 'Easy', 'Very easy']),
  },
  {
    name: { id: 'Waktu penyelesaian', en: 'Time to complete' },
    question: { id: 'Seberapa cepat layanan diselesaikan?', en: 'How quickly was the service completed?' },
    answers: scale(['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'], ['Not quick', 'Not very quick', 'Quick', 'Very quick']),
  },
  {
    name: { id: 'Biaya/tarif', en: 'Cost/fee' },
    question: { id: 'Bagaimana biaya yang Anda bayar untuk layanan ini?', en: 'What did you pay for this service?' },
    answers: scale(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'], ['Very expensive', 'Fairly expensive', 'Cheap', 'Free']),
  },
  {
    name: { id: 'Produk layanan', en: 'Service product' },
    question: { id: 'Apakah hasil layanan sesuai dengan yang dijanjikan dalam standar layanan?', en: 'Was the result what the service standard promised?' },
    answers: scale(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'], ['Not as promised', 'Partly as promised', 'As promised', 'Fully as promised']),
  },
  {
    name: { id: 'Kompetensi petugas', en: 'Staff competence' },
    question: { id: 'Seberapa mampu petugas melayani Anda?', en: 'How capable were the staff who served you?' },
    answers: scale(['Tidak mampu', 'Kurang mampu', 'Mampu', 'Sangat mampu'], ['Not capable', 'Not very capable', 'Capable', 'Very capable']),
  },
  {
    name: { id: 'Perilaku petugas', en: 'Staff conduct' },
    question: { id: 'Apakah petugas sopan dan ramah?', en: 'Were the staff polite and friendly?' },
    answers: scale(
      ['Tidak sopan dan tidak ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
      ['Not polite or friendly', 'Not very polite or friendly', 'Polite and friendly', 'Very polite and friendly'],
    ),
  },
  {
    name: { id: 'Penanganan pengaduan', en: 'Complaint handling' },
    question: { id: 'Bagaimana penanganan pengaduan, saran, dan masukan di sini?', en: 'How are complaints, suggestions and input handled here?' },
    answers: scale(
      ['Tidak ada', 'Ada, tetapi tidak berfungsi', 'Berfungsi, kurang maksimal', 'Dikelola dengan baik'],
      ['There is none', 'There is one, but it does not work', 'It works, not fully', 'Handled well'],
    ),
  },
  {
    name: { id: 'Sarana dan prasarana', en: 'Facilities' },
    question: {
      id: 'Bagaimana kualitas sarana dan prasarana (ruang tunggu, toilet, parkir)?',
      en: 'How good are the facilities (waiting room, toilets, parking)?',
    },
    answers: scale(['Buruk', 'Cukup', 'Baik', 'Sangat baik'], ['Poor', 'Fair', 'Good', 'Very good']),
  },
];

export const W = {
  surveyTitle: { id: 'Survei Kepuasan Masyarakat', en: 'Citizen satisfaction survey' },
  surveyIntro: {
    id: 'Bantu kami memperbaiki layanan. Pilih satu jawaban untuk setiap pertanyaan. Tanpa nama, tanpa akun, sekitar 2 menit.',
    en: 'Help us improve our service. Choose one answer for each question. No name, no account, about 2 minutes.',
  },
  skipHint: { id: 'Pertanyaan yang tidak ingin Anda jawab boleh dilewati.', en: 'You may skip a question you do not want to answer.' },
  questionOf: { id: 'Pertanyaan {n} dari 9', en: 'Question {n} of 9' },
  comment: { id: 'Saran atau komentar (tidak wajib)', en: 'Suggestion or comment (optional)' },
  commentHint: {
    id: 'Jangan menulis nomor telepon atau alamat. Komentar dibaca petugas dulu sebelum ditampilkan.',
    en: 'Do not write a phone number or address. Staff read comments before they are shown.',
  },
  submit: { id: 'Kirim jawaban', en: 'Send answers' },
  switchTo: { id: 'English', en: 'Bahasa Indonesia' },
  errorSummary: { id: 'Ada yang perlu diperbaiki', en: 'There is a problem' },
  answerInvalid: { id: 'Pilih salah satu dari empat jawaban.', en: 'Choose one of the four answers.' },
  answerRequired: {
    id: 'Pilih salah satu jawaban (pertanyaan ini belum dapat dilewati).',
    en: 'Choose one answer (this question cannot be skipped yet).',
  },
  noAnswers: { id: 'Jawab setidaknya satu pertanyaan.', en: 'Answer at least one question.' },
  thanksTitle: { id: 'Terima kasih', en: 'Thank you' },
  thanksBody: {
    id: 'Jawaban Anda sudah kami terima dan akan dihitung dalam Indeks Kepuasan Masyarakat bulan ini.',
    en: 'We have received your answers; they count in this month’s citizen satisfaction index.',
  },
  thanksComment: { id: 'Komentar Anda akan dibaca petugas sebelum ditampilkan.', en: 'Staff will read your comment before it is shown.' },
  another: { id: 'Isi survei untuk pengunjung berikutnya', en: 'Survey for the next visitor' },
  seeIkm: { id: 'Lihat hasil survei unit ini', en: 'See this unit’s survey results' },
  limitTitle: { id: 'Batas harian tercapai', en: 'Daily limit reached' },
  limitBody: {
    id: 'Dari perangkat ini sudah masuk {max} isian hari ini. Silakan coba lagi besok. Terima kasih atas partisipasi Anda.',
    en: 'This device has sent {max} answers today. Please try again tomorrow. Thank you for taking part.',
  },
  unknownUnitTitle: { id: 'Unit layanan tidak ditemukan', en: 'Service unit not found' },
  unknownUnitBody: {
    id: 'Alamat survei ini tidak dikenal. Periksa kode QR atau tanyakan kepada petugas.',
    en: 'This survey address is not known. Check the QR code or ask the staff.',
  },
  errorTitle: { id: 'Terjadi gangguan', en: 'Something went wrong' },
  forbiddenTitle: { id: 'Tidak dapat dikirim dari perangkat ini', en: 'Cannot be sent from this device' },
  errorBody: { id: 'Jawaban Anda belum tersimpan. Silakan coba lagi sebentar lagi.', en: 'Your answers were not saved. Please try again shortly.' },
  posterTitle: { id: 'Bagaimana layanan kami hari ini?', en: 'How was our service today?' },
  posterBody: {
    id: 'Pindai kode QR dengan kamera ponsel Anda dan isi Survei Kepuasan Masyarakat. Tanpa nama, sekitar 2 menit.',
    en: 'Scan the QR code with your phone’s camera and fill in the citizen satisfaction survey. No name, about 2 minutes.',
  },
  posterOr: { id: 'atau buka alamat', en: 'or open' },
  posterPrint: { id: 'Cetak poster ini pada kertas A4 (Ctrl+P).', en: 'Print this poster on A4 paper (Ctrl+P).' },
  posterQrAlt: { id: 'Kode QR menuju survei kepuasan {unit}', en: 'QR code to the satisfaction survey of {unit}' },
  ikmTitle: { id: 'Hasil Survei Kepuasan Masyarakat', en: 'Citizen satisfaction survey results' },
  ikmPeriod: { id: 'Periode', en: 'Period' },
  ikmValue: { id: 'Indeks Kepuasan Masyarakat (IKM)', en: 'Citizen satisfaction index (IKM)' },
  ikmMutu: { id: 'Mutu pelayanan', en: 'Service quality' },
  ikmRespondents: { id: 'Responden', en: 'Respondents' },
  ikmNrr: { id: 'Nilai rata-rata per unsur (skala 1–4)', en: 'Average per element (scale 1–4)' },
  ikmElement: { id: 'Unsur', en: 'Element' },
  ikmNone: { id: 'Belum ada responden pada periode ini.', en: 'No respondents in this period yet.' },
  ikmComments: { id: 'Komentar masyarakat (sudah diperiksa petugas)', en: 'Citizens’ comments (checked by staff)' },
  ikmNoComments: { id: 'Belum ada komentar yang ditampilkan untuk periode ini.', en: 'No comments shown for this period yet.' },
  ikmPrev: { id: '‹ Bulan sebelumnya', en: '‹ Previous month' },
  ikmNext: { id: 'Bulan berikutnya ›', en: 'Next month ›' },
  ikmMethod: {
    id: 'IKM = rata-rata nilai sembilan unsur × 25 (PermenPAN-RB 14/2017); mutu A 88,31–100, B 76,61–88,30, C 65,00–76,60, D 25,00–64,99.',
    en: 'IKM = the mean of the nine elements’ averages × 25 (PermenPAN-RB 14/2017); quality A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.',
  },
  takeSurvey: { id: 'Isi survei', en: 'Take the survey' },
} as const satisfies Record<string, Bilingual>;

/** A word in the locale, with `{placeholders}` filled. */
export function w(locale: SurveyLocale, key: keyof typeof W, params: Record<string, string | number> = {}): string {
  return W[key][locale].replace(/\{(\w+)\}/g, (all, name: string) => (params[name] === undefined ? all : String(params[name])));
}

/** "kel-asemrowo" period "2026-07" → "Juli 2026" / "July 2026". */
export function periodLabel(locale: SurveyLocale, period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Numbers as the reader writes them: 88,93 (id) / 88.93 (en), always `digits` decimals. */
export function decimal(locale: SurveyLocale, value: number, digits = 2): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
