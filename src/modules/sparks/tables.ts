// Tables of the sparks and meetings module (vonkjes, bijeenkomsten).
export {};
