// Tables of the signals module (signalen, duos, updates, themes).
export {};
